/**
 * A preset: a scenario with what it teaches. Stored as presets/<id>.json and shown in the app's gallery; the
 * same ids work on the command line. `expected` holds the outcomes a run of the scenario (with its seed) must
 * show: tests check them, and the app shows them beside the report.
 */
import * as z from 'zod';
import { CheckSchema } from '../outcomes/check.ts';

const text = (max: number) => z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const PresetSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'must be lowercase letters, digits and dashes').describe('Identifier, used in links and on the command line.'),
    group: text(60).describe('Gallery section.'),
    title: text(100),
    summary: text(600).describe('What the scenario is, in two or three sentences.'),
    notice: z.array(text(300)).min(1).max(8).describe('What to notice when it runs.'),
    expected: z.array(CheckSchema).max(20).describe('Outcomes a run must show.'),
    scenario: z.unknown().describe('The scenario (validated by the scenario schema).'),
  })
  .describe('A scenario with what it teaches.');

export type PresetFile = z.infer<typeof PresetSchema>;
