import Ajv2020 from 'ajv/dist/2020';
import { normalizeQuestions } from '../questions';
import { JSON_SCHEMA_DIALECT, questionnaireSchema } from '../schema';
import { createAjv } from '../validate';
import { catalogs, raw } from './fixtures';

const questions = normalizeQuestions(raw);

describe('questionnaireSchema', () => {
  it('is a valid JSON Schema 2020-12 document in both modes, for the meta-schema and for a plain strict-off validator', () => {
    for (const mode of ['submit', 'draft'] as const) {
      const schema = questionnaireSchema(questions, { catalogs, mode, id: 'https://example.org/q.json', title: 'WSIS 2012' });
      const ajv = createAjv();
      expect(ajv.validateSchema(schema)).toBe(true);
      expect(ajv.errors).toBeNull();
      expect(() => new Ajv2020({ strict: false, validateFormats: false }).compile(schema)).not.toThrow();
      expect(schema).toMatchObject({ $schema: JSON_SCHEMA_DIALECT, $id: 'https://example.org/q.json', title: 'WSIS 2012', type: 'object' });
    }
  });

  it('has one property per question in order, with label, help, widget, order and public flag', () => {
    const schema = questionnaireSchema(questions, { catalogs, mode: 'submit' });
    const properties = schema.properties as Record<string, Record<string, unknown>>;
    expect(Object.keys(properties)).toEqual(questions.map((question) => question.key));
    expect(schema.additionalProperties).toBe(false);
    expect(properties.summary).toMatchObject({
      title: 'Summary',
      description: 'A few lines',
      'x-ui': { widget: 'textarea', order: 1 },
      'x-public': true,
    });
    expect(properties.title).not.toHaveProperty('description');
    expect(properties.contact['x-public']).toBe(false);
    expect(Object.values(properties).map((property) => (property['x-ui'] as { widget: string }).widget)).toEqual([
      'text',
      'textarea',
      'radio',
      'checkboxes',
      'text',
      'number',
      'date',
      'url',
      'email',
      'yesno',
      'text',
      'file',
      'countries',
      'action-lines',
      'textarea',
    ]);
  });

  it('gives each type its JSON Schema', () => {
    const properties = questionnaireSchema(questions, { catalogs, mode: 'submit' }).properties as Record<string, Record<string, unknown>>;
    const stage = [
      { const: 'planned', title: 'Planned' },
      { const: 'ongoing', title: 'Ongoing' },
      { const: 'done', title: 'done' },
    ];
    expect(properties.stage).toMatchObject({ type: 'string', oneOf: stage });
    expect(properties.stage).not.toHaveProperty('enum');
    expect(properties.themes).toMatchObject({ type: 'array', uniqueItems: true, minItems: 1, items: { type: 'string' } });
    expect(properties.title).toMatchObject({ type: 'string', minLength: 1, maxLength: 1000 });
    expect(properties.summary).toMatchObject({ type: 'string', minLength: 1, maxLength: 20000 });
    expect(properties.people).toMatchObject({ type: 'number', minimum: 1, maximum: 1000 });
    expect(properties.started).toMatchObject({ type: 'string', format: 'date' });
    expect(properties.website).toMatchObject({ type: 'string', format: 'uri', pattern: '^https?://', maxLength: 2048 });
    expect(properties.contact).toMatchObject({ type: 'string', format: 'email', maxLength: 320 });
    expect(properties.funded).toMatchObject({ type: 'boolean' });
    expect(properties.report).toMatchObject({ type: 'integer', minimum: 1, maximum: 2147483647 });
    expect(properties.countries).toMatchObject({
      type: 'array',
      items: { type: 'string', enum: ['CH', 'FR', 'EG'] },
      uniqueItems: true,
      minItems: 1,
    });
    expect(properties.action_lines).toMatchObject({ type: 'array', items: { enum: ['C1', 'C2', 'C3'] } });
  });

  it('lists the unconditional required questions in submit mode only, and the conditions in both', () => {
    const submit = questionnaireSchema(questions, { catalogs, mode: 'submit' });
    const draft = questionnaireSchema(questions, { catalogs, mode: 'draft' });
    expect(submit.required).toEqual(['title', 'stage', 'funded']);
    expect(draft).not.toHaveProperty('required');
    expect((submit.allOf as unknown[])[1]).toEqual({
      if: { properties: { funded: { const: true } }, required: ['funded'] },
      then: { required: ['funder'] },
      else: { not: { required: ['funder'] } },
    });
    expect((draft.allOf as unknown[])[0]).toEqual({
      if: { properties: { themes: { type: 'array', contains: { const: 'other' } } }, required: ['themes'] },
      else: { not: { required: ['other_theme'] } },
    });
  });

  it('compiles with empty catalogs, a choice without options and no questions', () => {
    const odd = normalizeQuestions([
      { key: 'a', type: 'single_choice', options: [] },
      { key: 'b', type: 'countries' },
    ]);
    const schema = questionnaireSchema(odd, { catalogs: { countries: [], actionLines: [] }, mode: 'submit' });
    const validate = createAjv().compile(schema);
    expect([validate({}), validate({ a: 'x' }), validate({ b: ['CH'] })]).toEqual([true, false, false]);
    expect(createAjv().compile(questionnaireSchema([], { catalogs, mode: 'submit' }))({})).toBe(true);
  });

  it('stays a valid document over structure problems the server has yet to refuse: the first of a key wins', () => {
    const broken = normalizeQuestions([
      { key: 'a', type: 'single_choice', required: true, options: [{ key: 'x' }, { key: 'x' }] },
      { key: 'a', type: 'number', required: true },
      { key: 'b', type: 'countries', shownWhenQuestion: 'later', shownWhenOption: 'x' },
      { key: 'c', type: 'number', minimum: 3, maximum: 1, options: [{ key: 'y' }] },
    ]);
    const schema = questionnaireSchema(broken, { catalogs: { countries: ['CH', 'CH'], actionLines: [] }, mode: 'submit' });
    expect(createAjv().validateSchema(schema)).toBe(true);
    const validate = createAjv().compile(schema);
    expect([validate({ a: 'x' }), validate({ a: 1 }), validate({ a: 'x', b: ['CH'] }), validate({ a: 'x', c: 2 })]).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });
});
