/**
 * Parameters of the fictional sample study (Kaukovesi Energia Oy). The item
 * ids, group codes and background codes here must match data/study.json; a
 * test in test/sample checks that they do.
 */

export const YEARS = [2022, 2023, 2024, 2025] as const;
export type Year = (typeof YEARS)[number];

export const DEFAULT_SEED = 20251;

/** Can't-say code outside the 1–5 scale. */
export const CANT_SAY = 6;

export interface GroupParams {
  code: string;
  /** Respondents per edition, 2022..2025. Community is kept near the reporting base (30). */
  sizes: Record<Year, number>;
  /** Shift of every area mean on the 1–5 scale. */
  shift: number;
  /** Spread of the continuous answer before rounding; the public is more neutral. */
  spread: number;
  /** Multiplier of the items' can't-say rates. */
  cantSay: number;
  /** Extra multiplier for governance and finance items, which the public knows little about. */
  cantSayCorporate: number;
  /** Shares of the age groups 18-34, 35-54, 55+. */
  age: [number, number, number];
  /** Shares of female, male, other. */
  gender: [number, number, number];
  /** NPS question: mean of the continuous 0–10 answer. */
  npsMean: number;
}

export const GROUPS: GroupParams[] = [
  {
    code: 'public',
    sizes: { 2022: 1184, 2023: 1247, 2024: 1302, 2025: 1356 },
    shift: -0.15,
    spread: 0.72,
    cantSay: 1.3,
    cantSayCorporate: 1.4,
    age: [0.27, 0.33, 0.4],
    gender: [0.49, 0.49, 0.02],
    npsMean: 7.2,
  },
  {
    code: 'private',
    sizes: { 2022: 702, 2023: 745, 2024: 811, 2025: 838 },
    shift: 0,
    spread: 0.85,
    cantSay: 1,
    cantSayCorporate: 1,
    age: [0.18, 0.42, 0.4],
    gender: [0.5, 0.48, 0.02],
    npsMean: 7.6,
  },
  {
    code: 'business',
    sizes: { 2022: 356, 2023: 389, 2024: 417, 2025: 446 },
    shift: 0.25,
    spread: 0.8,
    cantSay: 0.8,
    cantSayCorporate: 0.9,
    age: [0.12, 0.55, 0.33],
    gender: [0.35, 0.62, 0.03],
    npsMean: 8.0,
  },
  {
    code: 'community',
    sizes: { 2022: 34, 2023: 27, 2024: 41, 2025: 38 },
    shift: 0.15,
    spread: 0.8,
    cantSay: 0.8,
    cantSayCorporate: 0.8,
    age: [0.1, 0.5, 0.4],
    gender: [0.55, 0.42, 0.03],
    npsMean: 7.8,
  },
  {
    code: 'partners',
    sizes: { 2022: 97, 2023: 112, 2024: 128, 2025: 141 },
    shift: 0.3,
    spread: 0.78,
    cantSay: 0.6,
    cantSayCorporate: 0.6,
    age: [0.12, 0.55, 0.33],
    gender: [0.45, 0.52, 0.03],
    npsMean: 8.1,
  },
];

export const AGE_CODES = ['18-34', '35-54', '55+'] as const;
export const GENDER_CODES = ['female', 'male', 'other'] as const;
export const REGION_CODES = ['uusimaa', 'pirkanmaa', 'varsinais-suomi', 'pohjois-pohjanmaa', 'muu'] as const;

/** Region shares of every group (the population for the general public). */
export const REGION_SHARES = [0.31, 0.1, 0.09, 0.08, 0.42];

/**
 * Response propensities of the general-public panel by age, gender and
 * region: young people and men answer less, so the design weights undo that.
 */
export const PROPENSITY = {
  age: [0.55, 1.0, 1.5],
  gender: [1.1, 0.92, 1.0],
  region: [0.86, 1.08, 1.04, 1.0, 1.0],
};

/** Shift of the answers by background (on the 1–5 scale). */
export const BACKGROUND_SHIFT = {
  age: [-0.08, 0, 0.1],
  gender: [0.02, -0.02, 0],
  region: [-0.05, 0.04, 0, 0.02, 0.03],
};

export type AreaId = 'governance' | 'finance' | 'leadership' | 'renewal' | 'interaction' | 'products' | 'workplace' | 'responsibility';

export interface AreaParams {
  id: AreaId;
  /** Mean for private customers in 2022 on the 1–5 scale. */
  base: number;
  /** Change per year. */
  trend: number;
  /** Weight of the area's own factor in stakeholder support (the driver strength). */
  drive: number;
  corporate: boolean;
}

export const AREAS: AreaParams[] = [
  { id: 'governance', base: 3.4, trend: 0, drive: 0.08, corporate: true },
  { id: 'finance', base: 3.88, trend: -0.075, drive: 0.03, corporate: true },
  { id: 'leadership', base: 3.3, trend: 0.03, drive: 0.15, corporate: false },
  { id: 'renewal', base: 3.1, trend: 0.05, drive: 0.12, corporate: false },
  { id: 'interaction', base: 3.28, trend: 0.06, drive: 0.33, corporate: false },
  { id: 'products', base: 3.72, trend: 0.06, drive: 0.36, corporate: false },
  { id: 'workplace', base: 3.6, trend: 0, drive: 0.03, corporate: false },
  { id: 'responsibility', base: 3.25, trend: 0.05, drive: 0.3, corporate: false },
];

export type Block = AreaId | 'cx' | 'support';

export interface ItemParams {
  id: string;
  block: Block;
  /** Offset of the item mean from its block mean. */
  offset: number;
  /** Can't-say rate for private customers in 2022 (other groups scale it). */
  cantSay: number;
}

export const ITEMS: ItemParams[] = [
  { id: 'gov1', block: 'governance', offset: 0.05, cantSay: 0.08 },
  { id: 'gov2', block: 'governance', offset: -0.12, cantSay: 0.24 },
  { id: 'gov3', block: 'governance', offset: 0.08, cantSay: 0.07 },
  { id: 'fin1', block: 'finance', offset: 0.12, cantSay: 0.07 },
  { id: 'fin2', block: 'finance', offset: -0.15, cantSay: 0.09 },
  { id: 'fin3', block: 'finance', offset: 0.02, cantSay: 0.1 },
  { id: 'lead1', block: 'leadership', offset: 0.05, cantSay: 0.09 },
  { id: 'lead2', block: 'leadership', offset: -0.05, cantSay: 0.1 },
  { id: 'ren1', block: 'renewal', offset: 0.08, cantSay: 0.08 },
  { id: 'ren2', block: 'renewal', offset: -0.1, cantSay: 0.1 },
  { id: 'ren3', block: 'renewal', offset: 0.02, cantSay: 0.09 },
  { id: 'int1', block: 'interaction', offset: 0.06, cantSay: 0.05 },
  { id: 'int2', block: 'interaction', offset: -0.14, cantSay: 0.08 },
  { id: 'int3', block: 'interaction', offset: 0.08, cantSay: 0.04 },
  { id: 'prod1', block: 'products', offset: 0.1, cantSay: 0.04 },
  { id: 'prod2', block: 'products', offset: -0.22, cantSay: 0.05 },
  { id: 'prod3', block: 'products', offset: 0.12, cantSay: 0.05 },
  { id: 'work1', block: 'workplace', offset: 0.08, cantSay: 0.09 },
  { id: 'work2', block: 'workplace', offset: -0.08, cantSay: 0.11 },
  { id: 'resp1', block: 'responsibility', offset: 0.05, cantSay: 0.07 },
  { id: 'resp2', block: 'responsibility', offset: -0.04, cantSay: 0.09 },
  { id: 'resp3', block: 'responsibility', offset: -0.01, cantSay: 0.06 },
  { id: 'cx1', block: 'cx', offset: 0.1, cantSay: 0.03 },
  { id: 'cx2', block: 'cx', offset: -0.12, cantSay: 0.05 },
  { id: 'cx3', block: 'cx', offset: 0.15, cantSay: 0.05 },
  { id: 'cx4', block: 'cx', offset: -0.2, cantSay: 0.03 },
  { id: 'cx5', block: 'cx', offset: 0.02, cantSay: 0.06 },
  { id: 'trust', block: 'support', offset: 0.05, cantSay: 0.03 },
  { id: 'use', block: 'support', offset: 0.12, cantSay: 0.03 },
  { id: 'recommend', block: 'support', offset: -0.17, cantSay: 0.04 },
];

/** Customer experience and stakeholder support: 2022 level for private customers and change per year. */
export const CX = { base: 3.62, trend: 0.04 };
export const SUPPORT = { base: 3.7, trend: 0.04 };

/** Can't-say rates drift down a little as the company becomes better known. */
export const CANT_SAY_YEAR: Record<Year, number> = { 2022: 1.15, 2023: 1.05, 2024: 0.95, 2025: 0.82 };

/** Loading of the general attitude in every area's latent score (the rest is the area's own factor). */
export const GENERAL_LOADING = 0.78;

/** Fieldwork and publication dates, used by the editorial texts (kept here for reference). */
export const FIELDWORK: Record<Year, { fi: string; en: string; published: string }> = {
  2022: { fi: '17.1.–11.2.2022', en: '17 Jan – 11 Feb 2022', published: '2022-03-16' },
  2023: { fi: '16.1.–10.2.2023', en: '16 Jan – 10 Feb 2023', published: '2023-03-15' },
  2024: { fi: '15.1.–9.2.2024', en: '15 Jan – 9 Feb 2024', published: '2024-03-14' },
  2025: { fi: '13.1.–7.2.2025', en: '13 Jan – 7 Feb 2025', published: '2025-03-13' },
};
