import type { ArticleCreate } from '../modules/articles/articles.schemas.js'

/** Demo content for an empty database, so a first look at /docs shows real data. Entirely fictional. */
export const demoArticles: ArticleCreate[] = [
  {
    title: 'Harbour bridge reopens after eight months of repairs',
    dek: 'The crossing that carries 40,000 vehicles a day is open again, two weeks early and under budget. Engineers say the new deck should last half a century.',
    body: [
      'Traffic returned to the Eastgate harbour bridge at six this morning, ending eight months of diversions through the old town.',
      '',
      '## What changed',
      '',
      'Crews replaced the concrete deck in twelve sections, working from both banks toward the middle. The steel cables were inspected strand by strand; four were replaced.',
      '',
      '## What it cost',
      '',
      'The city budgeted 48 million for the work. The final figure, published by the transport department on Tuesday, is 45.2 million.',
      '',
      '## What comes next',
      '',
      'Cycle lanes on both sides open next month, once the barriers between them and the road have been load-tested.'
    ].join('\n'),
    status: 'published',
    tags: ['transport', 'infrastructure', 'eastgate'],
    byline: 'Maria Okafor',
    provenance: { origin: 'human' },
    commentsEnabled: true
  },
  {
    title: 'Library cards will no longer expire, council decides',
    dek: 'Eastgate\'s twelve branch libraries drop card renewals and late fees from January; the council expects more returned books, not fewer.',
    body: [
      'Councillors voted 31 to 4 on Thursday to end both card expiry and fines for late returns.',
      '',
      '## Why fines are going',
      '',
      'Fines brought in about 90,000 a year, the library service says, while collecting them cost almost as much in staff time. Cities that dropped fines earlier saw more overdue books come back.',
      '',
      '## What stays the same',
      '',
      'Lost items are still charged at replacement cost, and borrowing limits are unchanged.'
    ].join('\n'),
    status: 'published',
    tags: ['libraries', 'city-council', 'eastgate'],
    byline: 'Tom Lindqvist',
    provenance: { origin: 'human' },
    commentsEnabled: true
  },
  {
    title: 'What the new recycling rules mean for your street',
    dek: 'From March, glass goes in its own bin and collections move to every other week. A summary of the changes, drawn from the council\'s published plan.',
    body: [
      '## The short version',
      '',
      'Glass gets a separate box. Paper and plastics share the blue bin. Food waste is collected weekly; everything else every two weeks.',
      '',
      '## Who is affected first',
      '',
      'The northern districts switch in March, the rest of the city in May.',
      '',
      '## Where to get a box',
      '',
      'Boxes are delivered free; households that need a second one can order it from the council.'
    ].join('\n'),
    status: 'published',
    tags: ['environment', 'recycling', 'explainer'],
    byline: 'Newsdesk explainers',
    provenance: { origin: 'ai-assisted', model: 'newsroom-writer-2' },
    disclosure: 'This explainer was drafted with the help of a language model from the council\'s published plan and checked by an editor before publication.',
    commentsEnabled: true
  },
  {
    title: 'Tram line extension: the three routes under study',
    dek: 'Planners have narrowed the options for taking the tram to the airport to three. A draft, awaiting the planning committee\'s papers.',
    body: [
      '## Route A: along the ring road',
      '',
      'Fastest to build; passes few homes.',
      '',
      '## Route B: through the university',
      '',
      'Serves the most riders; needs a tunnel under the campus.',
      '',
      '## Route C: the river line',
      '',
      'Reuses an old freight corridor; the slowest journey of the three.'
    ].join('\n'),
    status: 'draft',
    tags: ['transport', 'planning'],
    byline: 'Maria Okafor',
    provenance: { origin: 'human' },
    commentsEnabled: false
  }
]
