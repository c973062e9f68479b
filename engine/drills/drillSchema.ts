/**
 * A failover drill: a scenario (a preset by id, or inline) and a script of steps a person clicks through:
 * narration, "predict, then reveal" questions, actions (a fault, or a changed setting, at the drill's current
 * simulated time unless the fault says when), runs of the simulation up to a time, and checkpoints that pass or
 * fail on the measured outcomes. Plain JSON (drills/<id>.json), documented in docs/drills.md.
 */
import * as z from 'zod';
import { CheckSchema } from '../outcomes/check.ts';
import { FaultSchema } from '../scenario/faultSchema.ts';

const text = (max: number) => z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** A setting path: dot-separated names; in a list of regions or users, a segment is the item's id. */
const settingPath = z
  .string()
  .max(120, 'must be at most 120 characters')
  .regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_.-]+)*$/, 'must be names separated by dots, e.g. data.replication or regions.us-west.capacityQps')
  .describe('Which setting: data.replication, routing.dnsTtlS, regions.<id>.capacityQps, ...');

export const DrillStepSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('narration'), text: text(1200) }).describe('Text to read.'),
    z
      .strictObject({
        kind: z.literal('question'),
        prompt: text(600),
        choices: z.array(text(300)).min(2, 'needs at least 2 choices').max(6, 'has at most 6 choices'),
        answer: z.int('must be a whole number').min(0, 'must be at least 0').describe('Index of the right choice (0-based).'),
        explanation: text(1200).describe('Shown once the simulation has revealed the truth.'),
      })
      .describe('Predict, then reveal: answered before the run shows what happens.'),
    z
      .strictObject({
        kind: z.literal('action'),
        label: text(200).describe('What the button says ("Fail us-east").'),
        fault: FaultSchema.optional().describe('A fault to inject (its atS is when; the drill runs to it).'),
        change: z.strictObject({ path: settingPath, value: z.union([z.string().max(200), z.number(), z.boolean()]) }).optional().describe('A setting to change now.'),
      })
      .refine((step) => (step.fault === undefined) !== (step.change === undefined), { error: 'needs exactly one of fault or change' })
      .describe('Something the drill does to the world.'),
    z.strictObject({ kind: z.literal('run'), untilS: z.number().positive('must be greater than 0'), label: text(200).optional() }).describe('Run the simulation up to a time.'),
    z.strictObject({ kind: z.literal('checkpoint'), label: text(200), checks: z.array(CheckSchema).min(1, 'needs at least 1 check').max(10) }).describe('Pass or fail on measured outcomes.'),
  ],
  { error: 'must be one of: narration, question, action, run, checkpoint' },
);

export const DrillSchema = z
  .strictObject({
    version: z.literal(1, { error: 'must be 1' }),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'must be lowercase letters, digits and dashes'),
    title: text(120),
    summary: text(600),
    preset: z.string().max(60).optional().describe('The id of the preset whose scenario the drill starts from.'),
    scenario: z.unknown().optional().describe('Or the scenario itself.'),
    steps: z.array(DrillStepSchema).min(1, 'needs at least 1 step').max(60, 'has at most 60 steps'),
  })
  .refine((drill) => (drill.preset === undefined) !== (drill.scenario === undefined), { error: 'needs exactly one of preset or scenario' })
  .describe('A failover drill.');

export type Drill = z.infer<typeof DrillSchema>;
export type DrillStep = z.infer<typeof DrillStepSchema>;
