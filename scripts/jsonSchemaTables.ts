/**
 * Markdown reference tables from a JSON Schema: one table per object (the root, each nested object, the items of
 * each array of objects), one row per field with its type, whether it is required or its default, its bounds and
 * its description. It reads what zod's `toJSONSchema` emits for the scenario schema: objects, arrays, scalars with
 * bounds, enums, consts, and `oneOf` unions of objects, which are merged into one table by their discriminator.
 */

/** The part of a JSON Schema node these tables read. */
export interface JsonSchemaNode {
  readonly type?: string;
  readonly description?: string;
  readonly default?: unknown;
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly properties?: Readonly<Record<string, JsonSchemaNode>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchemaNode;
  readonly items?: JsonSchemaNode;
  readonly oneOf?: readonly JsonSchemaNode[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly minItems?: number;
  readonly maxItems?: number;
}

interface Field {
  readonly name: string;
  readonly node: JsonSchemaNode;
  readonly required: boolean;
  /** For a union: the discriminator values of the shapes that have this field, if not all of them do. */
  readonly onlyWhen?: readonly string[];
}

interface ObjectView {
  readonly description?: string;
  readonly fields: readonly Field[];
  readonly closed: boolean;
  readonly union?: { readonly discriminator: string; readonly values: readonly string[] };
}

/** A field list for an object or a union of objects, or undefined for anything else. */
function objectView(node: JsonSchemaNode): ObjectView | undefined {
  if (node.oneOf) return unionView(node);
  if (node.type !== 'object' || !node.properties) return undefined;
  const required = new Set(node.required ?? []);
  return {
    ...(node.description === undefined ? {} : { description: node.description }),
    fields: Object.entries(node.properties).map(([name, child]) => ({ name, node: child, required: required.has(name) })),
    closed: node.additionalProperties === false,
  };
}

/** Merges the shapes of a discriminated union: the discriminator is the field that is a const in every shape. */
function unionView(node: JsonSchemaNode): ObjectView | undefined {
  const shapes = (node.oneOf ?? []).map((shape) => ({ shape, view: objectView(shape) }));
  if (shapes.length === 0 || shapes.some((s) => s.view === undefined || s.view.union)) return undefined;
  const first = shapes[0]?.shape.properties ?? {};
  const discriminator = Object.keys(first).find((key) => shapes.every((s) => s.shape.properties?.[key]?.const !== undefined));
  if (discriminator === undefined) return undefined;
  const values = shapes.map((s) => String(s.shape.properties?.[discriminator]?.const));

  const names: string[] = [];
  for (const { view } of shapes) for (const field of view?.fields ?? []) if (!names.includes(field.name)) names.push(field.name);
  const fields = names.map((name): Field => {
    if (name === discriminator) {
      const noun = node.description ? lowerFirst(node.description).replace(/^(an?|the) /, '').replace(/\.$/, '') : 'item';
      const description = `The kind of ${noun}.`;
      return { name, node: { type: 'string', enum: values, description }, required: true };
    }
    const having = shapes.flatMap(({ shape, view }) => {
      const field = view?.fields.find((f) => f.name === name);
      return field ? [{ field, value: String(shape.properties?.[discriminator]?.const) }] : [];
    });
    return {
      name,
      node: having[0]?.field.node ?? {},
      required: having.every((h) => h.field.required),
      ...(having.length === shapes.length ? {} : { onlyWhen: having.map((h) => h.value) }),
    };
  });
  return {
    ...(node.description === undefined ? {} : { description: node.description }),
    fields,
    closed: shapes.every((s) => s.view?.closed === true),
    union: { discriminator, values },
  };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
export function headingSlug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

const code = (text: string): string => `\`${text}\``;
const json = (value: unknown): string => code(JSON.stringify(value));
/** A table cell: a pipe would end the cell, a newline the row. */
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

interface Table {
  readonly path: string;
  readonly heading: string;
  readonly view: ObjectView;
  readonly isItem: boolean;
}

function headingFor(path: string, rootTitle: string): string {
  return path === '' ? rootTitle : code(path);
}

function collectTables(node: JsonSchemaNode, path: string, rootTitle: string, isItem: boolean, out: Table[]): void {
  const view = objectView(node);
  if (!view) return;
  out.push({ path, heading: headingFor(path, rootTitle), view, isItem });
  for (const field of view.fields) {
    const childPath = path === '' ? field.name : `${path}.${field.name}`;
    if (objectView(field.node)) collectTables(field.node, childPath, rootTitle, false, out);
    else if (field.node.type === 'array' && field.node.items && objectView(field.node.items)) {
      collectTables(field.node.items, `${childPath}[]`, rootTitle, true, out);
    }
  }
}

function link(path: string, rootTitle: string): string {
  const heading = headingFor(path, rootTitle);
  return `[${heading}](#${headingSlug(heading)})`;
}

function typeText(node: JsonSchemaNode, path: string, rootTitle: string): string {
  if (node.const !== undefined) return json(node.const);
  if (node.enum) return node.enum.map(json).join(' | ');
  if (objectView(node)) return `object, see ${link(path, rootTitle)}`;
  if (node.type === 'array' && node.items) {
    if (objectView(node.items)) return `array, see ${link(`${path}[]`, rootTitle)}`;
    return `array of ${typeText(node.items, `${path}[]`, rootTitle)}`;
  }
  return node.type ?? 'any';
}

function requiredText(field: Field): string {
  const base = field.required ? 'required' : field.node.default !== undefined ? `default ${json(field.node.default)}` : 'optional';
  return field.onlyWhen ? `${base}, only when kind is ${field.onlyWhen.map(json).join(' or ')}` : base;
}

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

function constraintsText(node: JsonSchemaNode): string {
  const parts: string[] = [];
  if (node.minimum !== undefined) parts.push(`min ${node.minimum}`);
  if (node.exclusiveMinimum !== undefined) parts.push(`> ${node.exclusiveMinimum}`);
  if (node.maximum !== undefined) parts.push(`max ${node.maximum}`);
  if (node.exclusiveMaximum !== undefined) parts.push(`< ${node.exclusiveMaximum}`);
  if (node.minLength !== undefined) parts.push(`min ${count(node.minLength, 'character')}`);
  if (node.maxLength !== undefined) parts.push(`max ${count(node.maxLength, 'character')}`);
  if (node.minItems !== undefined) parts.push(`min ${count(node.minItems, 'item')}`);
  if (node.maxItems !== undefined) parts.push(`max ${count(node.maxItems, 'item')}`);
  if (node.pattern !== undefined) parts.push(`pattern ${code(node.pattern)}`);
  return parts.join(', ');
}

function descriptionText(node: JsonSchemaNode): string {
  return node.description ?? (node.type === 'array' ? node.items?.description ?? '' : '');
}

function renderTable(table: Table, rootTitle: string): string {
  const intro: string[] = [];
  if (table.view.description) intro.push(table.view.description);
  if (table.isItem) intro.push(`Each item of ${code(table.path.slice(0, -2))}.`);
  if (table.view.union) {
    const { discriminator, values } = table.view.union;
    intro.push(`One of ${values.length} shapes, chosen by ${code(discriminator)}: ${values.map(code).join(', ')}.`);
  }
  if (table.view.closed) intro.push('No other fields are allowed.');

  const rows = table.view.fields.map((field) => {
    const path = table.path === '' ? field.name : `${table.path}.${field.name}`;
    const cells = [
      code(field.name),
      typeText(field.node, path, rootTitle),
      requiredText(field),
      constraintsText(field.node),
      descriptionText(field.node),
    ];
    return `| ${cells.map(cell).join(' | ')} |`;
  });
  return [
    `### ${table.heading}`,
    '',
    intro.join(' '),
    '',
    '| field | type | required / default | constraints | description |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/**
 * One `###` section per object in `schema`, depth first in field order, each a sentence or two and a table.
 * `rootTitle` names the root object's section; nested ones are named by their path, e.g. `routing.healthCheck`
 * or `regions[]` for the items of an array.
 */
export function renderReferenceTables(schema: JsonSchemaNode, rootTitle: string): string {
  const tables: Table[] = [];
  collectTables(schema, '', rootTitle, false, tables);
  return tables.map((table) => renderTable(table, rootTitle)).join('\n\n');
}
