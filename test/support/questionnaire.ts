/**
 * The three-edition study with a changing questionnaire (test/fixtures/questionnaire),
 * loaded as the loader reads it and assembled into a report model.
 */
import { readFileSync } from 'node:fs';
import { parseResponses, type ParseResponsesResult } from '../../src/load/parse-responses.ts';
import type { ReportModel } from '../../src/model/types.ts';
import { parseStudy } from '../../src/study/parse.ts';
import type { Study } from '../../src/study/schema.ts';
import { report } from '../model/build.ts';

export const QUESTIONNAIRE = 'test/fixtures/questionnaire';
export const QUESTIONNAIRE_YEARS = [2023, 2024, 2025];

export function questionnaireStudy(): Study {
  const parsed = parseStudy(readFileSync(`${QUESTIONNAIRE}/study.json`, 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.study;
}

/** Each edition's loader result. */
export function questionnaireLoads(study = questionnaireStudy()): ParseResponsesResult[] {
  return QUESTIONNAIRE_YEARS.map((year) => {
    const file = `${QUESTIONNAIRE}/${year}/responses.csv`;
    return parseResponses(readFileSync(file, 'utf8'), file, year, study);
  });
}

export function questionnaireModel(study = questionnaireStudy()): ReportModel {
  return report(
    study,
    questionnaireLoads(study).map((r) => r.data!),
  );
}
