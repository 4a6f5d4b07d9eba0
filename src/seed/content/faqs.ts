import { bold, bullets, paragraph, richText } from '../lexical'
import type { FaqSeed } from './types'

export const faqs: FaqSeed[] = [
  {
    key: 'ml-to-ai-transition',
    question: 'Can an ML Engineer transition to an AI Engineer?',
    answer: richText(
      paragraph(bold('Yes'), ', though the move calls for new depth in three areas:'),
      bullets(
        [
          bold('LLM development'),
          ': fine-tuning models and designing retrieval-augmented generation (RAG) architectures.',
        ],
        [bold('Advanced deployment'), ': serving models with tools such as Triton Inference Server and vLLM.'],
        [bold('Research exposure'), ': keeping up with the papers coming out of conferences like NeurIPS and ICML.'],
      ),
    ),
    note: {
      label: 'Data Point',
      text: 'Among AI Engineers at FAANG+ companies, 63% had worked in ML before taking the role (Levels.fyi survey, 2023).',
    },
    topics: ['career-paths', 'skills'],
  },
  {
    key: 'job-security',
    question: 'Which role has better long-term job security?',
    answer: richText(
      paragraph('It depends on how much volatility you are willing to accept:'),
      bullets(
        [
          bold('AI Engineers:'),
          ' more exposed to the swings of the generative AI hype cycle, but with ',
          bold('greater upside'),
          ' in emerging fields such as agentic AI.',
        ],
        [
          bold('ML Engineers:'),
          ' steady demand in established industries, from fraud detection to logistics, and a ',
          bold('lower risk of becoming obsolete'),
          '.',
        ],
      ),
    ),
    note: {
      label: 'Projection',
      text: 'McKinsey expects AI-related roles to grow 25% a year through 2030, against 10% a year for traditional ML roles.',
    },
    topics: ['career-paths', 'comparisons'],
  },
  {
    key: 'phd-required',
    question: 'Is a PhD required for either role?',
    answer: richText(
      paragraph('For most positions, no:'),
      bullets(
        [
          bold('AI Engineer:'),
          ' not a requirement, but ',
          bold('highly valued'),
          ' for research-adjacent positions at labs such as DeepMind and Anthropic. Among AI Engineers at top labs, 42% hold a PhD (NBER, 2023).',
        ],
        [
          bold('ML Engineer:'),
          ' seldom needed. Recruiters generally weigh ',
          bold('hands-on MLOps experience'),
          ' above academic credentials.',
        ],
      ),
    ),
    topics: ['skills', 'career-paths'],
  },
]
