// reference(): the lists of a filing form straight from the baked tables (data/rules/*.toml),
// which the demo page builds its selects from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { initSync, reference, checkDomain, validateEntity } from '../../pkg/icp_precheck.js';

initSync({ module: readFileSync(new URL('../../pkg/icp_precheck_bg.wasm', import.meta.url)) });

const tomlKeys = (file, table, field) => {
  const text = readFileSync(new URL(`../../data/rules/${file}`, import.meta.url), 'utf8');
  return text.split(`[[${table}]]`).slice(1).map((block) => new RegExp(`^${field} = "([^"]*)"`, 'm').exec(block)[1]);
};

test('reference: provinces in data order with Chinese and English names', () => {
  const { provinces } = reference();
  assert.deepEqual(provinces.map((p) => p.code), tomlKeys('provinces.toml', 'province', 'code'));
  assert.equal(provinces.length, 31);
  assert.deepEqual(provinces[0], { code: 'BJ', name: '北京', en: 'Beijing' });
  assert.deepEqual(provinces.find((p) => p.code === 'NM'), { code: 'NM', name: '内蒙古', en: 'Inner Mongolia' });
});

test('reference: entity types are the API keys, with their Chinese names and English name', () => {
  const { entityTypes } = reference();
  assert.deepEqual(entityTypes.map((e) => e.key), tomlKeys('entity-types.toml', 'type', 'key'));
  assert.deepEqual(entityTypes[2], { key: 'government', names: ['政府机关', '政府机构', '机关'], en: 'government body' });
  // Every key is accepted as options.entityType.
  for (const { key } of entityTypes) {
    const report = checkDomain('example.cn', { entityType: key });
    assert.ok(!report.issues.some((i) => i.code.startsWith('options.')), key);
  }
});

test('reference: certificate types, personal or not, and the entity types offered them', () => {
  const { certificateTypes, entityTypes } = reference();
  assert.deepEqual(certificateTypes.map((c) => c.key), tomlKeys('certificate-types.toml', 'type', 'key'));
  const entityKeys = new Set(entityTypes.map((e) => e.key));
  for (const c of certificateTypes) {
    assert.equal(typeof c.en, 'string');
    assert.ok(c.en && c.names.length > 0, c.key);
    assert.equal(typeof c.personal, 'boolean');
    assert.ok(c.entities.length > 0 && c.entities.every((e) => entityKeys.has(e)), c.key);
  }
  const id = certificateTypes.find((c) => c.key === 'resident_id');
  assert.deepEqual(id, { key: 'resident_id', names: ['居民身份证', '身份证'], en: 'Resident identity card', personal: true, entities: ['individual'] });
  assert.deepEqual(certificateTypes.filter((c) => c.personal).map((c) => c.key).sort(),
    ['foreign_permanent_resident', 'hk_macao_permit', 'hmt_residence_permit', 'passport', 'resident_id', 'taiwan_permit']);
  assert.ok(certificateTypes.find((c) => c.key === 'uscc').entities.includes('government'));
});

test('reference: every certificate key is accepted by the form checks', () => {
  for (const { key, personal } of reference().certificateTypes) {
    const report = validateEntity({ type: personal ? 'individual' : 'enterprise', certificate: { type: key } }, { partial: true, today: '2026-11-28' });
    assert.ok(!report.issues.some((i) => i.code === 'certificate.type_unknown'), `${key}: ${JSON.stringify(report.issues)}`);
  }
  const unknown = validateEntity({ type: 'enterprise', certificate: { type: 'bogus' } }, { partial: true });
  assert.ok(unknown.issues.some((i) => i.code === 'certificate.type_unknown'));
});

test('reference: a fresh copy each call', () => {
  const a = reference();
  a.provinces.length = 0;
  assert.equal(reference().provinces.length, 31);
});
