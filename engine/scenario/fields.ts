/** Field builders shared by the scenario schema's parts: ids, coordinates and bounded numbers with messages. */
import * as z from 'zod';

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;

export const id = (what: string) =>
  z
    .string()
    .regex(ID_PATTERN, 'must be 1-40 letters, digits, "-", "_" or ".", starting with a letter or digit')
    .describe(`Identifier of the ${what}, unique among them.`);

/** A reference to a region by its id (checked against the regions by the cross-field rules). */
export const regionRef = (what = 'Region id.') => z.string().max(40, 'must be at most 40 characters').describe(what);

export const latitude = z.number().min(-90, 'must be between -90 and 90').max(90, 'must be between -90 and 90');
export const longitude = z.number().min(-180, 'must be between -180 and 180').max(180, 'must be between -180 and 180');

export const jurisdiction = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be a two-letter code such as EU, US or JP')
  .describe('Legal area for data placement: "EU" for EU/EEA states, otherwise an ISO 3166 alpha-2 code.');

export const displayName = z.string().max(80, 'must be at most 80 characters');

/** 1234567 as "1,234,567" (toLocaleString is slow enough to show at start-up). */
const fmt = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** A number in [min, max] with messages that name the bounds. */
export const between = (min: number, max: number) =>
  z
    .number()
    .min(min, `must be between ${fmt(min)} and ${fmt(max)}`)
    .max(max, `must be between ${fmt(min)} and ${fmt(max)}`);

/** A share of something, 0..1. */
export const share = () => between(0, 1);
