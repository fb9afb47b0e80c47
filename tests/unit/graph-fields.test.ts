import { describe, expect, it } from 'vitest';
import { edge, fields } from '../../main/meta/graph/fields';

describe('Graph fields', () => {
  it('writes plain fields comma-separated, each once', () => {
    expect(fields('id', 'name', 'id')).toBe('id,name');
  });

  it('writes an expanded edge with its modifiers and nested fields', () => {
    expect(fields('id', edge('phone_numbers', { limit: 100 }, ['id', 'status']))).toBe('id,phone_numbers.limit(100){id,status}');
    expect(fields(edge('owned_whatsapp_business_accounts', {}, ['id', edge('phone_numbers', { limit: 1 }, ['id'])]))).toBe('owned_whatsapp_business_accounts{id,phone_numbers.limit(1){id}}');
    expect(fields(edge('message_templates', { limit: 5 }, []))).toBe('message_templates.limit(5)');
  });

  it('refuses a name that would change the syntax of the query', () => {
    expect(() => fields('id,access_token')).toThrow(/not allowed/);
    expect(() => fields('name{id}')).toThrow(/not allowed/);
    expect(() => edge('phone_numbers', { limit: '1){id}' }, ['id'])).toThrow(/not allowed/);
    expect(() => edge('phone numbers', {}, ['id'])).toThrow(/not allowed/);
  });
});
