import { articleLink, block, bold, bullets, figure, heading, numbered, paragraph, richText, rule } from '../lexical'
import type { ArticleSeed, SeedRefs } from './types'

/*
 * Every figure below comes from the reference article (shared/reference/valenx-article.txt),
 * with its source kept beside it. Salary figures live in the one salary table (refs.salaryTableId),
 * which several articles embed, so an edit there reaches each of them.
 */

/* Live figures: numbers in sentences that are computed from the tables they come from. */
const FAANG = 'FAANG+ (L5-L7)'
const DEMAND_CAPTION = 'Demand trends: AI Engineer vs ML Engineer'

const totalFigure = (refs: SeedRefs, role: 'AI Engineer' | 'ML Engineer') =>
  figure({ source: 'salaryCell', table: refs.salaryTableId, role, tier: FAANG, column: 'total', format: 'currency' })

/** (AI total − ML total) / ML total at FAANG+: the "22%" premium. */
const premiumFigure = (refs: SeedRefs) =>
  figure({
    source: 'salaryComparison',
    table: refs.salaryTableId,
    role: 'AI Engineer',
    tier: FAANG,
    column: 'total',
    compareRole: 'ML Engineer',
    compareTier: FAANG,
    compareColumn: 'total',
    operation: 'premium',
    format: 'percent',
  })

/** ML postings / AI postings on LinkedIn: the "3.5x". */
const postingsRatioFigure = () =>
  figure({
    source: 'dataRatio',
    dataTableCaption: DEMAND_CAPTION,
    rowLabel: 'ML Engineer',
    columnLabel: 'Job postings (Q2 2024)',
    compareRowLabel: 'AI Engineer',
    operation: 'ratio',
    format: 'multiplier',
    decimals: 1,
  })

/** Demand trends, transposed so that each column holds one kind of value. */
const demandTable = () =>
  block('dataTable', {
    caption: DEMAND_CAPTION,
    columns: [
      { label: 'Role', type: 'text' },
      { label: 'Job postings (Q2 2024)', type: 'number', source: 'LinkedIn Jobs' },
      { label: 'Year-over-year growth', type: 'percent', signed: true, source: 'Indeed Hiring Lab' },
      { label: 'Remote work share', type: 'percent', source: 'FlexJobs' },
      { label: 'Top hiring companies', type: 'text', source: 'Levels.fyi' },
    ],
    rows: [
      {
        cells: [
          { value: 'AI Engineer' },
          { value: '12500' },
          { value: '180' },
          { value: '38' },
          { value: 'Google DeepMind, Meta AI, Scale AI' },
        ],
      },
      {
        cells: [
          { value: 'ML Engineer' },
          { value: '44000' },
          { value: '40' },
          { value: '52' },
          { value: 'Amazon, Walmart, Stripe' },
        ],
      },
    ],
    currency: 'USD',
    source: 'LinkedIn Jobs; Indeed Hiring Lab; FlexJobs; Levels.fyi',
  })

/** The skills-gap table; the reference names no source for it, so none is given. */
const skillsTable = () =>
  block('dataTable', {
    caption: 'Skills gap: what employers value in AI and ML Engineers',
    columns: [
      { label: 'Skill', type: 'text' },
      { label: 'AI Engineer', type: 'text' },
      { label: 'ML Engineer', type: 'text' },
      { label: 'Industry Standard', type: 'text' },
    ],
    rows: [
      {
        cells: [
          { value: 'Languages' },
          { value: 'Python, C++, Go' },
          { value: 'Python, Java, Scala' },
          { value: 'Python (both)' },
        ],
      },
      {
        cells: [
          { value: 'Frameworks' },
          { value: 'PyTorch, JAX, TensorFlow Extended' },
          { value: 'TensorFlow, Scikit-learn, Spark ML' },
          { value: 'PyTorch (AI), TF (ML)' },
        ],
      },
      {
        cells: [
          { value: 'Cloud/MLOps' },
          { value: 'Vertex AI, Sagemaker, Ray' },
          { value: 'AWS Sagemaker, Databricks, Kubeflow' },
          { value: 'Kubernetes (both)' },
        ],
      },
      {
        cells: [
          { value: 'Research Skills' },
          { value: 'Arxiv, fine-tuning, RLAIF' },
          { value: 'A/B testing, experiment tracking' },
          { value: 'Weights & Biases' },
        ],
      },
      {
        cells: [
          { value: 'Data Skills' },
          { value: 'Unstructured (text/image)' },
          { value: 'Structured (SQL, feature stores)' },
          { value: 'SQL (both)' },
        ],
      },
    ],
    currency: 'USD',
    source: '',
  })

const criticalDelta = () =>
  block('callout', {
    label: 'Critical Delta',
    content: richText(
      bullets(
        [bold('AI Engineers lean on research-adjacent skills'), ', such as reading papers and prompt engineering.'],
        [bold('ML Engineers put scalability first'), ', from distributed training to model serving.'],
      ),
    ),
  })

/* ------------------------------------------------------------------------------------------------ */

const aiVsMl = (refs: SeedRefs) =>
  richText(
    block('callout', {
      label: 'Data Hook',
      content: richText(
        paragraph(
          'At FAANG+ companies, the median AI Engineer earns ',
          totalFigure(refs, 'AI Engineer'),
          ' in total compensation, ',
          premiumFigure(refs),
          bold(' higher'),
          ' than the ',
          totalFigure(refs, 'ML Engineer'),
          ' median for a Machine Learning (ML) Engineer, according to compensation data from Levels.fyi (2023). Hiring volume points the other way: on LinkedIn, postings for ML Engineers outnumber those for AI Engineers ',
          postingsRatioFigure(),
          '. Demand, specialization and career trajectory are diverging, which leaves a question worth answering: are these two roles converging, or drifting further apart as the field changes?',
        ),
      ),
    }),
    rule(),

    heading('h2', '1. Defining the Roles: Scope and Responsibilities'),
    heading('h3', 'AI Engineer'),
    paragraph(
      'AI Engineers ',
      bold('build, ship and scale complete AI systems'),
      ', often bringing generative AI, large language models (LLMs) and reinforcement learning into applications that run in production. The role sits between frontier research and the software people actually use.',
    ),
    paragraph(bold('Key Responsibilities:')),
    bullets(
      [
        bold('Model Development:'),
        ' adapting pre-trained models such as Llama or Mistral through fine-tuning, or designing custom architectures for generating text, computer vision work or autonomous agents.',
      ],
      [
        bold('Infrastructure:'),
        ' designing training and inference pipelines that scale, with tools like Kubernetes, Ray and TensorFlow Serving.',
      ],
      [
        bold('API Integration:'),
        ' exposing AI features through REST or gRPC endpoints, behind products such as chatbots and recommendation engines.',
      ],
      [
        bold('Ethics & Safety:'),
        ' putting guardrails in place to reduce bias, suppress hallucinations and stay compliant with rules such as GDPR and HIPAA.',
      ],
      [
        bold('Research Adjacent:'),
        ' working with research teams to turn papers, on transformers or diffusion models for instance, into production systems.',
      ],
    ),
    paragraph(
      bold('Industries:'),
      ' large tech companies (Google DeepMind, NVIDIA), enterprise SaaS (Salesforce Einstein, HubSpot AI) and startups built on LLMs, such as Character.ai and Perplexity.',
    ),
    heading('h3', 'ML Engineer'),
    paragraph(
      'ML Engineers concentrate on ',
      bold('statistical modeling, feature engineering and MLOps'),
      ': making traditional machine learning, supervised and reinforcement learning among it, scale reliably. The work is less experimental, and it is judged on ',
      bold('predictive accuracy and operational efficiency'),
      '.',
    ),
    paragraph(bold('Key Responsibilities:')),
    bullets(
      [
        bold('Model Training:'),
        ' building classical models with XGBoost or LightGBM, or training neural networks on tabular, language (NLP) and vision problems.',
      ],
      [
        bold('MLOps:'),
        ' automating data ingestion, training and deployment with orchestration tools such as Airflow and Kubeflow.',
      ],
      [
        bold('Feature Engineering:'),
        ' creating preprocessing frameworks on Spark or Dask for structured and unstructured data alike.',
      ],
      [
        bold('Monitoring:'),
        ' watching for model drift, data-quality problems and changes in metrics such as precision and recall.',
      ],
      [
        bold('Optimization:'),
        ' cutting the latency and cost of production models with techniques like quantization and pruning.',
      ],
    ),
    paragraph(
      bold('Industries:'),
      ' e-commerce (Amazon, Walmart), fintech (Stripe, Robinhood), ad tech (Meta, Google Ads) and healthcare (Zebra Medical Vision).',
    ),
    rule(),

    heading('h2', '2. Salary Benchmarks: Compensation Data (2023-2024)'),
    block('salaryTable', {
      table: refs.salaryTableId,
      caption: 'Salary benchmarks: median total compensation by role and company tier (USD)',
      showChart: true,
    }),
    block('callout', {
      label: 'Key Insights',
      content: richText(
        bullets(
          [
            bold('AI Engineers earn a '),
            premiumFigure(refs),
            bold(' premium'),
            ' at FAANG+, a sign of how scarce engineers with LLM and deployment expertise still are.',
          ],
          [
            bold('The equity gap grows at startups'),
            ', where AI hires often receive larger stock grants: typically 0.1%–0.3%, against 0.05%–0.1% for ML hires.',
          ],
          [
            bold('Non-tech companies trail'),
            ' on pay, and AI roles are only starting to take shape in sectors such as manufacturing and logistics.',
          ],
        ),
      ),
    }),
    rule(),

    heading('h2', '3. Career Paths: Divergence or Convergence?'),
    heading('h3', 'AI Engineer'),
    bullets(
      [
        bold('Entry-Level (L4):'),
        ' fine-tunes open-source models, for example from Hugging Face, and debugs inference pipelines.',
      ],
      [
        bold('Mid-Level (L5-L6):'),
        ' leads projects that bring LLMs into products such as copilots and summarization tools, in close contact with research teams.',
      ],
      [
        bold('Senior (L7+):'),
        ' sets AI strategy, from model selection to multimodal systems, is responsible for ethical AI frameworks, or moves into an ',
        bold('AI Product Manager'),
        ' role.',
      ],
    ),
    paragraph(bold('Exit Opportunities:')),
    bullets(
      [bold('Research:'), ' a move into labs such as Google Brain or Anthropic, usually with a PhD.'],
      [bold('Entrepreneurship:'), ' founding an AI-first startup in the mould of Replit or Tabnine.'],
      [
        bold('Specialization:'),
        ' becoming an ',
        bold('Applied Scientist'),
        ' (Amazon) or an ',
        bold('AI Architect'),
        ' (NVIDIA).',
      ],
    ),
    heading('h3', 'ML Engineer'),
    bullets(
      [
        bold('Entry-Level (L4):'),
        ' sets up feature stores, prepares and cleans data, and trains the first baseline models.',
      ],
      [
        bold('Mid-Level (L5):'),
        ' owns pipelines end to end, recommendation systems for example, and tunes them for latency and cost.',
      ],
      [
        bold('Senior (L7+):'),
        ' grows the MLOps infrastructure, acts as an adviser on AI governance, or moves over to ',
        bold('Data Scientist'),
        ' or ',
        bold('ML Product Manager'),
        '.',
      ],
    ),
    paragraph(bold('Exit Opportunities:')),
    bullets(
      [
        bold('Tech Leads:'),
        ' managing teams at fintech and retail companies, for instance as a technical ML lead at Airbnb.',
      ],
      [bold('Data Science:'), ' moving into roles centred on analytics and business intelligence.'],
      [bold('Quant Finance:'), ' joining hedge funds such as Citadel or Two Sigma to work on algorithmic trading.'],
    ),
    rule(),

    heading('h2', '4. Demand Trends: Job Market Dynamics'),
    demandTable(),
    block('callout', {
      label: 'Analysis',
      content: richText(
        bullets(
          [
            bold('Demand for AI Engineers grew 180% year over year'),
            ', carried by the generative AI wave of LLMs and diffusion models.',
          ],
          [
            bold('ML Engineers are still hired in greater numbers'),
            ' across traditional industries such as retail and fintech, where structured data pipelines are the norm.',
          ],
          [
            bold('Remote work is more common in ML roles'),
            ', which fits their operational character; AI work tends to be collaborative and research-heavy.',
          ],
        ),
      ),
    }),
    rule(),

    heading('h2', '5. Skills Gap: What Employers Value'),
    skillsTable(),
    criticalDelta(),
    rule(),

    heading('h2', '6. FAQ'),
    block('faqList', {
      faqs: [refs.faqIds['ml-to-ai-transition'], refs.faqIds['job-security'], refs.faqIds['phd-required']],
    }),

    block('recommendedReading', {
      label: 'Recommended Reading',
      linkType: 'internal',
      article: refs.articleIds['ai-engineer-playbook'],
      blurb:
        'A complete framework for getting ready for AI Engineer interviews: of all the prep methods we have looked at, this one is the most systematic.',
    }),
  )

/* ------------------------------------------------------------------------------------------------ */

const mlCareerPath = (refs: SeedRefs) =>
  richText(
    paragraph(
      'An ML Engineer’s career is a climb from data work to owning the systems that other teams depend on. Each level widens the scope: first the inputs to a model, then the whole pipeline around it, and finally the infrastructure and the rules that many pipelines share. This guide walks the ladder level by level and sets each rung beside its AI Engineer counterpart, using the same levels as our ',
      articleLink(refs.articleIds['ai-vs-ml'], 'comparison of the two roles'),
      '.',
    ),

    heading('h2', 'Entry level (L4): the foundations'),
    paragraph(
      'New ML Engineers spend most of their time on the raw material of machine learning. They ',
      bold('build feature stores, clean data and train baseline models'),
      ' that later work is measured against. It is unglamorous work, but it teaches the habits the rest of the career relies on: knowing where the data comes from, how it breaks, and what a reasonable first model looks like.',
    ),
    paragraph(
      'An AI Engineer at the same level works closer to finished models: fine-tuning open-source models, often from Hugging Face, and debugging the inference pipelines that serve them.',
    ),

    heading('h2', 'Mid level (L5): owning the pipeline'),
    paragraph(
      'At L5 the job becomes ownership. A mid-level ML Engineer ',
      bold('runs a pipeline from end to end'),
      ', a recommendation system being the classic example, and is accountable for tuning it for latency and cost. The tools are the ones the role is known for: orchestration with Airflow or Kubeflow, preprocessing on Spark or Dask, and monitoring for model drift and data quality.',
    ),
    paragraph(
      'The AI ladder groups its mid level as L5-L6. There, engineers lead projects that bring LLMs into products such as copilots and summarization tools, and they work closely with research teams.',
    ),

    heading('h2', 'Senior (L7+): infrastructure and governance'),
    paragraph(
      'Senior ML Engineers ',
      bold('scale the MLOps infrastructure'),
      ' that many teams run on and advise on AI governance. This is also the level where many change direction, towards a ',
      bold('Data Scientist'),
      ' or an ',
      bold('ML Product Manager'),
      ' role.',
    ),
    paragraph(
      'Senior AI Engineers define AI strategy instead: which models to use, how to build multimodal systems, and how ethical AI frameworks are applied. Their natural product move is to AI Product Manager.',
    ),

    heading('h2', 'What the roles pay'),
    paragraph(
      'The reference compensation data is split by company tier rather than by every level; the FAANG+ rows cover L5-L7. The table below is the same one our other articles use, so any correction made to it shows up here too.',
    ),
    block('salaryTable', {
      table: refs.salaryTableId,
      caption: 'Median total compensation by role and company tier (USD); FAANG+ rows cover L5-L7',
      showChart: false,
    }),
    block('callout', {
      label: 'Key Insights',
      content: richText(
        bullets(
          [
            bold('The ML path pays well in every tier'),
            ', and best at FAANG+, where the median for ML Engineers is $172,000 (Levels.fyi, 2023).',
          ],
          [
            bold('AI Engineers earn a 22% premium at FAANG+'),
            ', because engineers with LLM and deployment experience remain scarce.',
          ],
          [
            bold('Non-tech enterprises pay least'),
            ' for both roles, with AI positions still emerging in sectors like manufacturing and logistics.',
          ],
        ),
      ),
    }),

    heading('h2', 'Exit opportunities'),
    paragraph('The skills an ML Engineer accumulates travel well. Three exits come up most often:'),
    bullets(
      [
        bold('Tech lead:'),
        ' managing teams at fintech or retail companies, for example as a technical ML lead at Airbnb.',
      ],
      [bold('Data science:'), ' moving into roles built around analytics and business intelligence.'],
      [
        bold('Quant finance:'),
        ' joining hedge funds such as Citadel or Two Sigma to build models for algorithmic trading.',
      ],
    ),
    paragraph(
      'AI Engineers tend to leave in different directions: into research labs such as Google Brain or Anthropic (usually with a PhD), into founding AI-first startups, or into specialist titles like Applied Scientist at Amazon or AI Architect at NVIDIA.',
    ),

    heading('h2', 'Where the path is heading'),
    paragraph(
      'Demand favours the ML ladder in volume. LinkedIn Jobs counted 44,000 ML Engineer postings in Q2 2024 against 12,500 for AI Engineers, and FlexJobs puts the remote share of ML roles at 52%, against 38% for AI roles. Growth is another matter: Indeed Hiring Lab measured +40% year over year for ML Engineer postings and +180% for AI Engineers.',
    ),
    paragraph(
      'On job security, the ML path is the steadier of the two. ML work sits in established industries such as fraud detection and logistics and carries a lower risk of obsolescence, while AI roles ride the swings of the generative AI cycle. The two ladders are also connected: moving from ML to AI is common, provided you add LLM development, advanced deployment and some research exposure to your skills.',
    ),
    paragraph(
      'For the full picture of both roles, including demand, skills and the questions readers ask most, read ',
      articleLink(refs.articleIds['ai-vs-ml'], 'AI Engineer vs ML Engineer: Roles, Salary, and Career Path'),
      '.',
    ),
  )

/* ------------------------------------------------------------------------------------------------ */

const aiPayStartupsVsFaang = (refs: SeedRefs) =>
  richText(
    paragraph(
      'For an AI Engineer, the type of company matters to pay almost as much as the title. The same role is paid very differently at a FAANG+ company, a unicorn startup and a non-tech enterprise, and the mix of salary, equity and bonus shifts from one to the next. The figures here come from the salary table shared across Valenx Press, with each row’s source alongside it.',
    ),
    block('salaryTable', {
      table: refs.salaryTableId,
      caption: 'AI and ML Engineer pay by company tier: median total compensation (USD)',
      showChart: true,
    }),

    heading('h2', 'FAANG+ (L5-L7): the top of the market'),
    paragraph(
      'The largest tech companies pay the most. The median AI Engineer at FAANG+ takes home ',
      bold('$210,000'),
      ' a year: $165,000 in base salary, $35,000 in equity per year and a $10,000 bonus, according to Levels.fyi (2023). An ML Engineer in the same tier earns a median of $172,000, which gives AI Engineers a ',
      bold('22% premium'),
      '.',
    ),
    paragraph(
      'The premium is about scarcity. Engineers who can fine-tune large language models and put them into production are still hard to find, and the top hiring companies for the role, Google DeepMind, Meta AI and Scale AI according to Levels.fyi, are all looking for them.',
    ),

    heading('h2', 'Unicorn startups: less cash, a bigger stake'),
    paragraph(
      'At unicorn startups the median AI Engineer earns ',
      bold('$180,000'),
      ': $140,000 base, $30,000 in equity per year and a $10,000 bonus, based on reports from Blind and Glassdoor. The ML Engineer median there is $155,000 (Blind).',
    ),
    paragraph(
      'The dollar figures understate what startups offer. AI hires at startups often receive larger stock grants than their ML colleagues, typically ',
      bold('0.1%–0.3%'),
      ' of the company against ',
      bold('0.05%–0.1%'),
      ' for ML roles. A percentage grant is a stake, not a salary: what it is eventually worth depends on how the company fares, which is exactly the bet a startup offer asks you to make.',
    ),

    heading('h2', 'Non-tech enterprises: an emerging tier'),
    paragraph(
      'Outside the tech industry, AI roles are still being defined. The median AI Engineer at a non-tech enterprise earns ',
      bold('$150,000'),
      ': $125,000 base, $15,000 in equity per year and a $10,000 bonus, according to Payscale. ML Engineers in the same tier have a median of $130,000. Sectors such as manufacturing and logistics are only starting to build AI teams, so pay there has yet to catch up.',
    ),

    heading('h2', 'Reading the gap'),
    paragraph(
      'The bonus line is the same $10,000 for AI Engineers in every tier, so the differences between tiers come entirely from base salary and equity. Moving from a non-tech enterprise to a startup raises both, and moving from a startup to FAANG+ raises both again.',
    ),
    block('callout', {
      label: 'Analysis',
      content: richText(
        bullets(
          [bold('FAANG+ pays the most in cash and equity'), ', with a 22% premium for AI Engineers over ML Engineers.'],
          [
            bold('Startups trade some salary for ownership'),
            ', with AI grants typically 0.1%–0.3% against 0.05%–0.1% for ML roles.',
          ],
          [bold('Non-tech enterprises lag'), ' for both roles while AI work there is still taking shape.'],
          [
            bold('Demand keeps the pressure on'),
            ': AI Engineer postings grew 180% year over year (Indeed Hiring Lab), even though ML postings remain far more numerous (LinkedIn Jobs).',
          ],
        ),
      ),
    }),

    heading('h2', 'Choosing between them'),
    paragraph(
      'No tier is right for everyone. AI roles carry more volatility, tied to the generative AI hype cycle, but also more upside in emerging fields such as agentic AI. A FAANG+ offer gives the highest pay in the table; a startup offer gives less cash and a larger share of an uncertain outcome; a non-tech enterprise offers the chance to shape a function that is still being built.',
    ),
    paragraph(
      'Whichever you aim for, the interview bar is set by the same skills. Our ',
      articleLink(refs.articleIds['ai-engineer-playbook'], '0→1 AI Engineer Playbook'),
      ' lays out how to prepare, and ',
      articleLink(refs.articleIds['ai-vs-ml'], 'AI Engineer vs ML Engineer'),
      ' compares the two roles in full.',
    ),
  )

/* ------------------------------------------------------------------------------------------------ */

const skillsGap = (refs: SeedRefs) =>
  richText(
    paragraph(
      'AI Engineers and ML Engineers share a language, a container platform and a query language, and then part ways almost everywhere else. The difference is not one of seniority but of focus: one role leans towards research and unstructured data, the other towards scale and structured pipelines. The table below sets the two side by side, with the tool most employers treat as standard in the last column.',
    ),
    skillsTable(),

    heading('h2', 'Where the roles overlap'),
    paragraph(
      'Three skills are expected of both. ',
      bold('Python'),
      ' is the common language, ',
      bold('Kubernetes'),
      ' the common ground for running workloads, and ',
      bold('SQL'),
      ' the common way into data. Experiment tracking also converges on one tool, Weights & Biases. If you are early in either career, these are the safest investments you can make, because they carry over whichever way you go.',
    ),

    heading('h2', 'Where they split'),
    paragraph(
      'Frameworks are the clearest divide: PyTorch is the standard for AI work, TensorFlow for ML. AI Engineers add JAX and TensorFlow Extended, and reach for C++ or Go when performance matters; ML Engineers pair TensorFlow with Scikit-learn and Spark ML, and often write Java or Scala alongside Python.',
    ),
    paragraph(
      'The platforms follow the same pattern. AI teams run on Vertex AI, Sagemaker and Ray; ML teams on AWS Sagemaker, Databricks and Kubeflow. And the data itself differs: AI Engineers work with unstructured text and images, ML Engineers with structured data in SQL tables and feature stores.',
    ),
    paragraph(
      'Research is where the gap is widest. An AI Engineer is expected to read papers on Arxiv, fine-tune models and understand techniques like RLAIF. An ML Engineer’s research skills are experimental rather than academic: A/B testing and disciplined experiment tracking.',
    ),
    criticalDelta(),

    heading('h2', 'From ML to AI: an upskilling path'),
    paragraph(
      'The move from ML to AI is well travelled, and the route is clear. Three areas separate a strong ML Engineer from an AI Engineer, and they are best learned in this order:',
    ),
    numbered(
      [
        bold('LLM development:'),
        ' learn to fine-tune models and to design retrieval-augmented generation (RAG) architectures.',
      ],
      [bold('Advanced deployment:'), ' get hands-on with serving stacks such as Triton Inference Server and vLLM.'],
      [
        bold('Research exposure:'),
        ' follow the papers coming out of NeurIPS and ICML, and practise turning one into working code.',
      ],
    ),
    paragraph(
      'Your existing strengths still count. Monitoring, pipeline automation and cost optimization carry straight over to AI work, where models still have to be watched, automated and made cheaper to run.',
    ),
    block('faqList', { faqs: [refs.faqIds['ml-to-ai-transition']] }),

    heading('h2', 'Going from AI to ML'),
    paragraph(
      'The reverse move is less common but just as practical. An AI Engineer who wants steadier work in established industries should build up the operational side: feature engineering on structured data, pipeline orchestration with Airflow or Kubeflow, and monitoring for drift, data quality and precision and recall.',
    ),
    paragraph(
      'For a structured way to prepare for AI Engineer interviews, see the ',
      articleLink(refs.articleIds['ai-engineer-playbook'], '0→1 AI Engineer Playbook'),
      '. For pay, demand and career paths across both roles, read ',
      articleLink(refs.articleIds['ai-vs-ml'], 'AI Engineer vs ML Engineer: Roles, Salary, and Career Path'),
      '.',
    ),
  )

/* ------------------------------------------------------------------------------------------------ */

/** Interview preparation built only from the skills and responsibilities in the reference; no figures. */
const aiEngineerPlaybook = (refs: SeedRefs) =>
  richText(
    paragraph(
      'Interviews for AI Engineers test the job itself: can you take a model from a paper or a hub, make it do something useful, and run it safely in production? This playbook organizes your preparation around that work rather than around a question bank. Each stage matches a responsibility the role actually carries, so the time you spend preparing also makes you better at the job.',
    ),
    paragraph('Work through the stages in this order. Each builds on the one before:'),
    numbered(
      'LLM fine-tuning',
      'Retrieval-augmented generation',
      'Deployment and serving',
      'Reading and applying papers',
      'MLOps and monitoring',
      'Safety and compliance',
    ),

    heading('h2', 'LLM fine-tuning'),
    paragraph(
      'Start where most AI Engineers start: adapting pre-trained models. Be ready to explain when you would fine-tune an open model such as Llama or Mistral and when a custom architecture is worth the effort. Prepare one project you can walk through end to end, from choosing a base model on Hugging Face to evaluating the result. Know the vocabulary of alignment, including what RLAIF is and why teams use it.',
    ),

    heading('h2', 'Retrieval-augmented generation'),
    paragraph(
      'Expect a design question on RAG. Practise sketching the full architecture: how unstructured text and images are prepared, how relevant context is retrieved, and how the answer is grounded in it. Interviewers want to see that you treat hallucination as a design problem with concrete mitigations, not as an afterthought.',
    ),

    heading('h2', 'Deployment and serving'),
    paragraph(
      'This is where AI Engineers differ most from researchers. Be comfortable with inference servers such as Triton Inference Server, vLLM and TensorFlow Serving, and with running them on Kubernetes or Ray. Know how to expose a model through REST or gRPC endpoints, and how to bring down latency and cost with quantization and pruning. Practise, out loud, a system-design exercise that puts a chatbot or a recommendation engine into production.',
    ),

    heading('h2', 'Reading and applying papers'),
    paragraph(
      'AI Engineers translate research into production, so interviews often probe how you read. Keep a short list of papers you can discuss in depth, on transformers and diffusion models for instance, and follow new work from Arxiv, NeurIPS and ICML. For each paper, prepare an answer to the question that matters in an engineering interview: what would it take to ship this?',
    ),

    heading('h2', 'MLOps and monitoring'),
    paragraph(
      'Strong candidates show that a model is only the start. Review pipeline orchestration with Airflow and Kubeflow, experiment tracking with Weights & Biases, and how you would detect model drift or a fall in data quality. Be able to choose the right metric, precision or recall, for a given product and defend the choice.',
    ),

    heading('h2', 'Safety and compliance'),
    paragraph(
      'Guardrails are part of the job description. Prepare to discuss bias mitigation, hallucination suppression and how rules such as GDPR and HIPAA shape what a system may store and say. Senior AI Engineers oversee ethical AI frameworks, so senior candidates should be ready to explain how they would run one across a team.',
    ),

    block('callout', {
      label: 'Note',
      content: richText(
        bullets(
          [bold('Languages:'), ' Python first; C++ and Go for performance-critical work.'],
          [bold('Frameworks:'), ' PyTorch, JAX and TensorFlow Extended.'],
          [bold('Platforms:'), ' Vertex AI, Sagemaker, Ray and Kubernetes.'],
          [bold('Research habits:'), ' Arxiv, fine-tuning, RLAIF and prompt engineering.'],
        ),
      ),
    }),

    heading('h2', 'Coming from ML engineering'),
    paragraph(
      'If you are an ML Engineer making the move, your MLOps and monitoring stages are already strong. Spend your time on fine-tuning, RAG and serving, and build the research habit early. Our guide to the ',
      articleLink(refs.articleIds['skills-gap'], 'skills that separate AI and ML Engineers'),
      ' maps the gap in detail.',
    ),
    paragraph(
      'To understand the role you are preparing for, including how it compares on pay, demand and career path, read ',
      articleLink(refs.articleIds['ai-vs-ml'], 'AI Engineer vs ML Engineer: Roles, Salary, and Career Path'),
      '.',
    ),
  )

/* ------------------------------------------------------------------------------------------------ */

export const articles: ArticleSeed[] = [
  {
    key: 'ai-vs-ml',
    title: 'AI Engineer vs ML Engineer: Roles, Salary, and Career Path',
    slug: 'ai-engineer-vs-ml-engineer',
    excerpt:
      'AI Engineers at FAANG+ earn a 22% premium over ML Engineers, yet ML roles draw 3.5x as many postings. Roles, pay, career paths, demand and skills compared.',
    category: 'comparisons',
    featured: true,
    publishedAt: '2026-06-02T09:00:00.000Z',
    related: ['ai-pay-startups-vs-faang', 'ml-career-path', 'skills-gap'],
    content: aiVsMl,
  },
  {
    key: 'ml-career-path',
    title: 'ML Engineer career path, level by level',
    slug: 'ml-engineer-career-path',
    excerpt:
      'From feature stores at L4 to MLOps infrastructure at L7+: what ML Engineers do at each level, how it compares with the AI Engineer ladder, and where the path leads.',
    category: 'career-paths',
    featured: false,
    publishedAt: '2026-06-09T09:00:00.000Z',
    related: ['ai-vs-ml', 'skills-gap'],
    content: mlCareerPath,
  },
  {
    key: 'ai-pay-startups-vs-faang',
    title: 'What AI Engineers are paid at startups vs FAANG+',
    slug: 'ai-engineer-pay-startups-vs-faang',
    excerpt:
      'Base, equity and bonus for AI Engineers at FAANG+, unicorn startups and non-tech enterprises, and why startup stock grants change the comparison.',
    category: 'comparisons',
    featured: true,
    publishedAt: '2026-06-16T09:00:00.000Z',
    related: ['ai-vs-ml', 'ml-career-path'],
    content: aiPayStartupsVsFaang,
  },
  {
    key: 'skills-gap',
    title: 'Skills that separate AI and ML Engineers',
    slug: 'skills-that-separate-ai-and-ml-engineers',
    excerpt:
      'Languages, frameworks, platforms and research habits: where AI and ML Engineers overlap, where they split, and how an ML Engineer can close the gap.',
    category: 'skills',
    featured: false,
    publishedAt: '2026-06-23T09:00:00.000Z',
    related: ['ai-vs-ml', 'ai-engineer-playbook'],
    content: skillsGap,
  },
  {
    key: 'ai-engineer-playbook',
    title: 'The 0→1 AI Engineer Playbook',
    slug: 'ai-engineer-playbook',
    excerpt:
      'A stage-by-stage framework for AI Engineer interviews, built around the work itself: fine-tuning, RAG, serving, papers, MLOps and safety.',
    category: 'career-paths',
    featured: false,
    publishedAt: '2026-06-30T09:00:00.000Z',
    related: ['ai-vs-ml', 'skills-gap'],
    content: aiEngineerPlaybook,
  },
]
