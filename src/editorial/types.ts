// An edition's editorial content in one language, as read from reports/<year>/<lang>/.

/** The front matter of index.md. */
export interface EditorialMeta {
  title: string;
  status: 'draft' | 'published';
  version: string;
  published?: string;
  fieldwork?: string;
  sample?: string;
}

export interface Editorial {
  meta: EditorialMeta;
  /** Executive summary as sanitised HTML. */
  summaryHtml: string;
  /** Commentary per section id (dimension id, group code, drivers, trends, benchmark, method), sanitised HTML. */
  sections: Record<string, string>;
}
