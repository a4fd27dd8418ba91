/**
 * Reader of JUDGIT! open data (judgit/data on GitHub, CC BY 4.0): one review sheet per JSON file, for the
 * review years 2015–2023 that the RS system does not cover. read.ts reads and checks a file, map.ts maps
 * every field to the record, values.ts reads typed values (百万円 → 円 among them).
 */
export { readJudgitFile, readJudgitText, looksLikeJudgit, REQUIRED_FIELDS } from './read.ts';
export { PARTS_NOT_IN_JUDGIT, OUTPUTS_PART, OUTCOMES_PART } from './map.ts';
