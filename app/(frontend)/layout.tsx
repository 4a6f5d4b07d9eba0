import type { Metadata, Viewport } from 'next'
import type React from 'react'

import { getSite } from '@/data'
import { serverUrl } from '@/config/env'
import { blogPath, categoryPath, homePath, searchPath } from '@/lib/paths'
import { feedAlternate } from '@/seo/metadata'
import { SITE_DESCRIPTION, SITE_NAME } from '@/seo/site'

// One stylesheet in this order (Next joins them): later files may override earlier ones, print last.
import './styles/base.css'
import './styles/article.css'
import './styles/tables.css'
import './styles/lists.css'
import './styles/print.css'

export const metadata: Metadata = {
  metadataBase: new URL(serverUrl()),
  title: { default: SITE_NAME, template: `%s | ${SITE_NAME}` },
  description: SITE_DESCRIPTION,
  alternates: { types: feedAlternate },
  openGraph: { type: 'website', siteName: SITE_NAME, locale: 'en_US' },
  twitter: { card: 'summary_large_image' },
}

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fbfaf7' },
    { media: '(prefers-color-scheme: dark)', color: '#15171a' },
  ],
}

const defaultNavigation = [
  { label: 'Blog', href: blogPath() },
  { label: 'Comparisons', href: categoryPath('comparisons') },
  { label: 'Search', href: searchPath() },
]

export default async function FrontendLayout({ children }: { children: React.ReactNode }) {
  const site = await getSite()
  const navigation = site.navigation?.length ? site.navigation : defaultNavigation
  const siteName = site.siteName || SITE_NAME
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="site-header-inner">
            <a className="site-name" href={homePath()}>
              {siteName}
            </a>
            <nav aria-label="Main">
              <ul>
                {navigation.map((item) => (
                  <li key={item.href}>
                    <a href={item.href}>{item.label}</a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" className="site-main">
          {children}
        </main>
        <footer className="site-footer">
          <div className="site-footer-inner">
            <p>
              © {siteName}
              {site.tagline ? ` · ${site.tagline}` : ''}
            </p>
            {site.footerLinks?.length ? (
              <ul>
                {site.footerLinks.map((item) => (
                  <li key={item.href}>
                    <a href={item.href}>{item.label}</a>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        </footer>
      </body>
    </html>
  )
}
