import { textInEvery } from '../i18n/index.ts';
import type { Lang, Label, Study } from './schema.ts';

/** What kind of indicator an id names. */
export type IndicatorKind = 'item' | 'dimension' | 'index' | 'nps';

export interface IndicatorInfo {
  id: string;
  kind: IndicatorKind;
  label: Label;
  /** Item ids for an item or dimension; component ids for an index. */
  components: string[];
}

const NPS_LABEL: Label = textInEvery('ui.nps');

/** Every indicator of a study in report order: indices, dimensions, items, NPS. */
export function indicatorsOf(study: Study): IndicatorInfo[] {
  return [
    ...study.indices.map((x) => ({ id: x.id, kind: 'index' as const, label: x.label, components: x.dimensions ?? x.items ?? [] })),
    ...study.dimensions.map((x) => ({ id: x.id, kind: 'dimension' as const, label: x.label, components: x.items })),
    ...study.items.map((x) => ({ id: x.id, kind: 'item' as const, label: x.label, components: [x.id] })),
    ...(study.nps ? [{ id: 'nps', kind: 'nps' as const, label: study.nps.label ?? NPS_LABEL, components: [] }] : []),
  ];
}

export function labelOf(label: Label, lang: Lang): string {
  return label[lang];
}
