import type { EditionModel, ReportModel } from '../model/types.ts';

/** An edition's figures as JSON: the study's description and the edition's model. */
export function editionJson(model: ReportModel, edition: EditionModel): string {
  return JSON.stringify({ study: model.study, toolVersion: model.toolVersion, edition }, null, 1) + '\n';
}

/** The whole report model as JSON (the shape is documented in src/model/types.ts). */
export function reportJson(model: ReportModel): string {
  return JSON.stringify(model, null, 1) + '\n';
}
