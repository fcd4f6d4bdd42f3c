import { readFileSync } from 'node:fs';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { editorSchemas } from '../../src/flows/json-schema';
import { sampleSources } from '../support/sample-flows';

/*
 * The JSON Schemas in schema/ are what an owner's editor (VS Code with the YAML extension) reads:
 * on hover it shows each key's description, and it offers the examples. They must explain every
 * key in Vietnamese, stand up to a strict JSON Schema validator, and accept the sample shop.
 */
type Schema = Record<string, unknown>;

const schemas = editorSchemas();
const committed = (file: string): Schema => JSON.parse(readFileSync(`schema/${file}`, 'utf8'));
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

/** Every property of a schema, wherever it stands (nested objects, list items, union members, $defs), with a readable path. */
function propertiesOf(node: unknown, path = ''): { path: string; schema: Schema }[] {
  if (Array.isArray(node)) return node.flatMap((child) => propertiesOf(child, path));
  if (!node || typeof node !== 'object') return [];
  const found: { path: string; schema: Schema }[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' && value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [name, property] of Object.entries(value as Record<string, Schema>)) {
        found.push({ path: `${path}${path ? '.' : ''}${name}`, schema: property }, ...propertiesOf(property, `${path}${path ? '.' : ''}${name}`));
      }
    } else if (key !== 'examples' && key !== 'default') {
      found.push(...propertiesOf(value, key === 'items' ? `${path}[]` : key === 'additionalProperties' ? `${path}.<tên>` : path));
    }
  }
  return found;
}

/** A strict validator with the one format the schemas use, checked for real. */
function strictAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  return ajv;
}

/** A schema without its `required` lists: an example shows some keys of a group, never a wrong one. */
function withoutRequired(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutRequired);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => key !== 'required')
      .map(([key, value]) => [key, key === 'examples' || key === 'default' || key === 'const' || key === 'enum' ? value : withoutRequired(value)]),
  );
}

describe('the JSON Schemas an editor reads', () => {
  it.each(schemas.map(({ file }) => file))('schema/%s is the one the flow checks make (npm run flows:schema was run)', (file) => {
    expect(committed(file)).toEqual(schemas.find((schema) => schema.file === file)!.schema);
  });

  it.each(schemas.map(({ file }) => file))('every key of %s says in Vietnamese what it is for, with at least one example', (file) => {
    const properties = propertiesOf(committed(file));
    expect(properties.length).toBeGreaterThan(5);
    const undescribed = properties.filter(({ schema }) => typeof schema.description !== 'string' || !VIETNAMESE.test(schema.description)).map(({ path }) => path);
    const withoutExample = properties.filter(({ schema }) => !Array.isArray(schema.examples) || schema.examples.length === 0).map(({ path }) => path);
    expect(undescribed).toEqual([]);
    expect(withoutExample).toEqual([]);
  });

  it.each(schemas.map(({ file }) => file))('%s compiles under Ajv strict mode (JSON Schema 2020-12)', (file) => {
    const schema = committed(file);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(() => strictAjv().compile(schema)).not.toThrow();
  });

  it.each(schemas.map(({ file }) => file))('every example in %s is something the key accepts', (file) => {
    const schema = committed(file);
    const ajv = strictAjv();
    const wrong: string[] = [];
    for (const { path, schema: property } of propertiesOf(schema)) {
      const check = ajv.compile({ ...(withoutRequired(property) as Schema), ...(schema.$defs ? { $defs: withoutRequired(schema.$defs) } : {}) });
      for (const example of (property.examples as unknown[] | undefined) ?? []) {
        if (!check(example)) wrong.push(`${path}: ${JSON.stringify(example)} — ${ajv.errorsText(check.errors)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('the sample shop in an editor', () => {
  let validators: Record<string, ValidateFunction>;
  let files: { path: string; data: unknown }[];

  beforeAll(async () => {
    const ajv = strictAjv();
    validators = Object.fromEntries(schemas.map(({ file, schema }) => [file, ajv.compile(schema)]));
    files = (await sampleSources()).map((source) => ({ path: source.path, data: parse(source.text) }));
  });

  const schemaFor = (path: string) => (path.endsWith('/shop.yaml') ? 'shop.schema.json' : path.endsWith('/faq.yaml') ? 'faq.schema.json' : 'flow.schema.json');

  it('every file in flows/ is valid for its schema, so the editor underlines nothing', () => {
    expect(files.length).toBeGreaterThan(10);
    const refused = files.flatMap(({ path, data }) => {
      const validate = validators[schemaFor(path)]!;
      return validate(data) ? [] : [`${path}: ${JSON.stringify(validate.errors)}`];
    });
    expect(refused).toEqual([]);
  });

  it('a misspelt key, a price written "85.000đ" and a step asking for an unknown kind are underlined', () => {
    const shop = structuredClone(files.find(({ path }) => path.endsWith('/shop.yaml'))!.data) as { catalog: Record<string, unknown>[] };
    shop.catalog[0]!.price = '85.000đ';
    shop.catalog[0]!.prce = 85000;
    const validateShop = validators['shop.schema.json']!;
    expect(validateShop(shop)).toBe(false);
    expect(validateShop.errors!.map((error) => `${error.instancePath} ${error.keyword}`)).toEqual(expect.arrayContaining(['/catalog/0/price type', '/catalog/0 additionalProperties']));

    const order = structuredClone(files.find(({ path }) => path.endsWith('/order.yaml'))!.data) as { steps: Record<string, Record<string, unknown>> };
    const [first] = Object.keys(order.steps);
    order.steps[first!]!.ask = 'tinh';
    const validateFlow = validators['flow.schema.json']!;
    expect(validateFlow(order)).toBe(false);
    expect(validateFlow.errors!.map((error) => `${error.instancePath} ${error.keyword}`)).toContain(`/steps/${first}/ask enum`);
  });
});
