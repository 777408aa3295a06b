/**
 * The demo content: the press release of 31 May 2016 on the regional conference
 * "The Role of civil society in the prevention of torture" (src/seed/press-release-2016-05-31.txt),
 * taken apart into Pressroom's model. Keys tie records together; the seed resolves them to ids.
 */

export const EU_ABOUT = [
  'The European Union is made up of 28 Member States who have decided to gradually link together their know-how, resources and destinies. Together, during a period of enlargement of 50 years, they have built a zone of stability, democracy and sustainable development whilst maintaining cultural diversity, tolerance and individual freedoms. The European Union is committed to sharing its achievements and its values with countries and peoples beyond its borders.',
  'To this end the EU is active in Tajikistan since 1992 and provides approximately EUR 35 million annually in development assistance.',
]

type OrganisationSeed = {
  key: string
  name: string
  nameRu?: string
  acronym?: string
  organisationType: 'ngo' | 'coalition' | 'intergovernmental' | 'government' | 'donor' | 'foundation'
  countries?: string[]
  city?: string
  website?: string
  parent?: string
}

export const organisations: OrganisationSeed[] = [
  {
    key: 'eu',
    name: 'European Union',
    nameRu: 'Европейский союз',
    acronym: 'EU',
    organisationType: 'donor',
    website: 'https://european-union.europa.eu',
  },
  {
    key: 'eu-delegation',
    name: 'Delegation of the European Union to the Republic of Tajikistan',
    nameRu: 'Представительство Европейского союза в Республике Таджикистан',
    organisationType: 'intergovernmental',
    countries: ['TJ'],
    city: 'Dushanbe',
    website: 'http://eeas.europa.eu/delegations/tajikistan/index_en.htm',
    parent: 'eu',
  },
  {
    key: 'osce-office',
    name: 'OSCE Office in Tajikistan',
    nameRu: 'Офис ОБСЕ в Таджикистане',
    acronym: 'OSCE',
    organisationType: 'intergovernmental',
    countries: ['TJ'],
    city: 'Dushanbe',
  },
  {
    key: 'cat-tj',
    name: 'NGO Coalition against Torture in Tajikistan',
    nameRu: 'Коалиция НПО против пыток в Таджикистане',
    organisationType: 'coalition',
    countries: ['TJ'],
    city: 'Dushanbe',
  },
  {
    key: 'cat-kz',
    name: 'Coalition against Torture in Kazakhstan',
    nameRu: 'Коалиция против пыток в Казахстане',
    organisationType: 'coalition',
    countries: ['KZ'],
  },
  {
    key: 'cat-kg',
    name: 'Coalition against Torture in Kyrgyzstan',
    nameRu: 'Коалиция против пыток в Кыргызстане',
    organisationType: 'coalition',
    countries: ['KG'],
    city: 'Bishkek',
  },
  {
    key: 'hfhr',
    name: 'Helsinki Foundation for Human Rights',
    nameRu: 'Хельсинкский фонд по правам человека',
    acronym: 'HFHR',
    organisationType: 'ngo',
    countries: ['PL'],
    city: 'Warsaw',
    website: 'https://www.hfhr.pl',
  },
  {
    key: 'iphr',
    name: 'International Partnership for Human Rights',
    nameRu: 'Международное партнерство за права человека',
    acronym: 'IPHR',
    organisationType: 'ngo',
    countries: ['BE'],
    city: 'Brussels',
    website: 'https://www.iphronline.org',
  },
  {
    key: 'kibhr',
    name: 'Kazakhstan International Bureau for Human Rights and Rule of Law',
    nameRu: 'Казахстанское международное бюро по правам человека и соблюдению законности',
    acronym: 'KIBHR',
    organisationType: 'ngo',
    countries: ['KZ'],
    city: 'Almaty',
  },
  { key: 'nota-bene', name: 'Nota Bene', organisationType: 'ngo', countries: ['TJ'], city: 'Dushanbe' },
  {
    key: 'osf',
    name: 'Open Society Foundations',
    nameRu: 'Фонды «Открытое общество»',
    acronym: 'OSF',
    organisationType: 'foundation',
    website: 'https://www.opensocietyfoundations.org',
  },
]

type SpeakerSeed = {
  key: string
  name: string
  nameRu: string
  honorific?: string
  position: string
  organisation?: string
  country?: string
  email?: string
}

export const speakers: SpeakerSeed[] = [
  {
    key: 'solnson',
    name: 'Margus Solnson',
    nameRu: 'Маргус Солнсон',
    position: 'EU Chargé d’affaires a.i. in Tajikistan',
    organisation: 'eu-delegation',
  },
  {
    key: 'mueller',
    name: 'Markus Mueller',
    nameRu: 'Маркус Мюллер',
    honorific: 'Ambassador',
    position: 'Head of the OSCE Office in Tajikistan',
    organisation: 'osce-office',
  },
  {
    key: 'mullodzhanov',
    name: 'Parviz Mullodzhanov',
    nameRu: 'Парвиз Муллоджанов',
    position: 'Political analyst',
    country: 'TJ',
  },
  { key: 'volochay', name: 'Elena Volochay', nameRu: 'Елена Волочай', position: 'Psychologist', country: 'UA' },
  {
    key: 'kerymov',
    name: 'Lenur Kerymov',
    nameRu: 'Ленур Керимов',
    position: 'Project Coordinator',
    organisation: 'hfhr',
    country: 'PL',
    email: 'L.Kerymov@hfhrpol.waw.pl',
  },
]

export const KERYMOV_QUOTE =
  'The NGO coalitions have greater capacity to carry out torture-prevention work, such as effective monitoring and advocacy activities, and provide improved legal aid for torture victims. In addition, the NGO Coalitions are now more sustainable.'

export const project = {
  title: 'Action for Freedom from Torture in Kazakhstan and Tajikistan',
  titleRu: 'Действия за свободу от пыток в Казахстане и Таджикистане',
  summary: 'An EU-funded project strengthening the NGO coalitions against torture in Kazakhstan and Tajikistan.',
  summaryRu: 'Финансируемый ЕС проект, укрепляющий коалиции НПО против пыток в Казахстане и Таджикистане.',
  countries: ['KZ', 'TJ'],
  partners: [
    { organisation: 'hfhr', role: 'lead' },
    { organisation: 'iphr', role: 'partner' },
    { organisation: 'kibhr', role: 'partner' },
    { organisation: 'nota-bene', role: 'partner' },
    { organisation: 'cat-tj', role: 'partner' },
    { organisation: 'osf', role: 'co-sponsor' },
    { organisation: 'eu', role: 'funder' },
  ] as const,
  coordinator: 'kerymov',
}

export const donorNotice = {
  name: 'EU — Action for Freedom from Torture in Kazakhstan and Tajikistan',
  donor: 'eu',
  fundingType: 'funded' as const,
  statement: 'This project is funded by the European Union',
  statementRu: 'Этот проект финансируется Европейским союзом',
  link: 'http://eeas.europa.eu/delegations/tajikistan/index_en.htm',
  // The EU's visibility guidelines want the emblem and the statement on every public item; the
  // demo warns (it has no emblem yet) rather than blocks.
  visibility: { emblemRequired: true, statementRequired: true, enforce: false },
}

export const event = {
  title: 'Regional Conference: The Role of Civil Society in the Prevention of Torture',
  titleRu: 'Региональная конференция: роль гражданского общества в предупреждении пыток',
  summary:
    'A three-day regional conference in Dushanbe on the role of civil society institutions in the prevention of torture in Central Asia.',
  summaryRu:
    'Трёхдневная региональная конференция в Душанбе о роли институтов гражданского общества в предупреждении пыток в Центральной Азии.',
  // 09:00 on 31 May to 18:00 on 2 June 2016, Dushanbe time (UTC+5).
  startDate: '2016-05-31T04:00:00.000Z',
  endDate: '2016-06-02T13:00:00.000Z',
  timezone: 'Asia/Dushanbe',
  venue: { city: 'Dushanbe', cityRu: 'Душанбе', country: 'TJ' },
  expectedParticipants: 60,
  audience:
    'Sixty NGO representatives from the Coalitions against Torture in Kazakhstan, Kyrgyzstan and Tajikistan as well as international human rights groups and representatives from other countries of the former Soviet Union.',
  topics: ['torture prevention', 'civil society', 'Central Asia', 'legal aid', 'strategic litigation'],
  organisations: [
    { organisation: 'cat-tj', role: 'organiser' },
    { organisation: 'hfhr', role: 'co-organiser' },
    { organisation: 'iphr', role: 'co-organiser' },
    { organisation: 'kibhr', role: 'co-organiser' },
    { organisation: 'nota-bene', role: 'co-organiser' },
    { organisation: 'osf', role: 'co-sponsor' },
    { organisation: 'eu', role: 'funder' },
  ] as const,
  speakers: [
    { speaker: 'solnson', role: 'speaker' },
    { speaker: 'mueller', role: 'speaker' },
    {
      speaker: 'mullodzhanov',
      role: 'speaker',
      topic:
        'The political, economical and social processes which influence the development of civil society in Central Asia',
    },
    { speaker: 'volochay', role: 'facilitator', topic: 'Compensation processes for victims of torture' },
  ] as const,
  // The release names the themes, not the timetable: sessions carry no times.
  programme: [
    { title: 'Civil society in Central Asia: political, economic and social processes', speakers: ['mullodzhanov'] },
    { title: 'Compensation processes for victims of torture', speakers: ['volochay'] },
    { title: 'Achievements in the fight against torture in Central Asia', speakers: [] },
    {
      title:
        'Overcoming the remaining challenges: independent investigation mechanisms, legal assistance and strategic litigation',
      speakers: [],
    },
  ],
}

export const pressRelease = {
  title: 'Regional Conference: The Role of Civil Society in the Prevention of Torture',
  titleRu: 'Региональная конференция: роль гражданского общества в предупреждении пыток',
  subtitle: 'Dushanbe, 31 May – 2 June 2016',
  subtitleRu: 'Душанбе, 31 мая – 2 июня 2016 года',
  // As printed: Bishkek appears twice in the original dateline.
  places: ['Almaty', 'Bishkek', 'Brussels', 'Dushanbe', 'Bishkek', 'Warsaw'],
  placesRu: ['Алматы', 'Бишкек', 'Брюссель', 'Душанбе', 'Бишкек', 'Варшава'],
  date: '2016-05-31T00:00:00.000Z',
  summary:
    'Sixty NGO representatives from Kazakhstan, Kyrgyzstan, Tajikistan and beyond meet in Dushanbe from 31 May to 2 June 2016 to discuss the role of civil society in the prevention of torture.',
  summaryRu:
    'Шестьдесят представителей НПО из Казахстана, Кыргызстана, Таджикистана и других стран встречаются в Душанбе 31 мая – 2 июня 2016 года, чтобы обсудить роль гражданского общества в предупреждении пыток.',
  body: [
    'Sixty NGO representatives from the Coalitions against Torture in Kazakhstan, Kyrgyzstan and Tajikistan as well as international human rights groups and representatives from other countries of the former Soviet Union will participate in a regional conference to discuss the role of civil society institutions in the prevention of torture. The conference will be held in Dushanbe, Tajikistan on 31 May to 2 June 2016 and has been organized by the NGO Coalition against Torture in Tajikistan and other project partners.',
    'Speakers will include: Margus Solnson, EU Charge d’affaires a.i. in Tajikistan; Ambassador Markus Mueller, Head of the OSCE Office in Tajikistan; well-known political analyst Parviz Mullodzhanov who will share his views on the political, economical and social processes which influence the development of civil society in Central Asia; and Ukrainian psychologist Elena Volochay who will lead discussions on compensation processes for victims of torture.',
    'Conference participants will also discuss the achievements in the fight against torture in Central Asia as well as strategies for overcoming the remaining challenges, including the establishment of independent investigation mechanisms into allegations of torture, legal assistance and strategic litigation.',
    'The conference is taking place in the framework of the EU funded project “Action for Freedom from Torture in Kazakhstan and Tajikistan” and is implemented jointly by the human rights groups Helsinki Foundation for Human Rights (Poland), International Partnership for Human Rights (Belgium), Kazakhstan International Bureau for Human Rights and Rule of Law and Nota Bene (Tajikistan). Open Society Foundations co-sponsor the project.',
  ],
  quote: { text: KERYMOV_QUOTE, speaker: 'kerymov', attribution: 'Project co-ordinator Lenur Kerymov' },
  contact: {
    name: 'Lenur Kerymov',
    role: 'Project Coordinator',
    organisation: 'hfhr',
    phone: '+48504080257',
    email: 'L.Kerymov@hfhrpol.waw.pl',
  },
  organisations: [
    'hfhr',
    'iphr',
    'kibhr',
    'nota-bene',
    'cat-tj',
    'cat-kz',
    'cat-kg',
    'osf',
    'eu-delegation',
    'osce-office',
  ],
}
