import { defineConfig, globalIgnores } from 'eslint/config'
import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTs from 'eslint-config-next/typescript'

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // Reader pages use plain links on purpose: every page is static HTML, so a full load is fast
      // and works the same with JavaScript off.
      '@next/next/no-html-link-for-pages': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  globalIgnores([
    'node_modules/**',
    '.next/**',
    '.next-*/**',
    'data/**',
    'test-results/**',
    'playwright-report/**',
    'bench/results/**',
    'next-env.d.ts',
    'payload-types.ts',
    'app/(payload)/admin/importMap.js',
    'migrations/sqlite/*.ts',
  ]),
])
