#!/usr/bin/env node
// Writes the hostile import corpus: tests/hostile/base-valid.json (a realistic,
// valid export of campaign hcm-q3-2023) and tests/hostile/imports/*.json, each
// one a single thing wrong with that base, plus imports/README.md (the table of
// file → what is wrong → expected place → expected problem, which the native
// test reads). Deterministic: running it again gives the same bytes.
//
//   node tests/hostile/generate.mjs
//
// The large cases (10,000 duplicate entries, a 50 MB file, very deep nesting)
// are not written here: tests/hostile.rs and tests/e2e/hostile.spec.js build
// them in memory at test time (see GENERATED below and the README).
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'imports');
const campaignsOut = join(here, 'campaigns');

// ---------------------------------------------------------------------------
// The base: what kiosk "kiosk-q3-a" exports on 25/06/2023 evening: two units it
// added, two targets it set, five days of three units, one corrected entry.
const DEVICE = 'kiosk-q3-a';
const stamp = (day, time) => `${day}T${time}+07:00`;
const days = ['2023-06-20', '2023-06-21', '2023-06-22', '2023-06-23', '2023-06-24'];
const units = ['district-team', 'ward-1', 'ward-police'];
const entries = [];
days.forEach((day, d) => {
  units.forEach((unit, u) => {
    const applications = 40 - 15 * u + 3 * d + (unit === 'ward-1' && d === 0 ? 1 : 0);
    const activations = Math.floor(applications * 0.75);
    const entry = {
      date: day,
      unit,
      counts: { activations, applications },
      modified: stamp(day, unit === 'ward-1' && d === 0 ? '07:40:00' : `17:0${u}:00`),
      device: DEVICE,
    };
    if (u !== 1) entry.staff = 'Nguyễn Thị Lan';
    entries.push(entry);
  });
});
// ward-1's first day was saved the next morning (07:40), over 12/9.
entries[1].modified = stamp('2023-06-21', '07:40:00');

export const base = {
  format: 'vneid-campaign-tally',
  version: 1,
  campaign: 'hcm-q3-2023',
  generated_at: stamp('2023-06-25', '18:00:00'),
  device: { id: DEVICE, label: 'Kiosk Công an Quận 3' },
  indicators: ['applications', 'activations'],
  units: [
    { id: 'ward-1', name: 'Công an Phường 1', modified: stamp('2023-06-20', '08:00:00'), device: DEVICE },
    { id: 'ward-vo-thi-sau', name: 'Công an Phường Võ Thị Sáu', modified: stamp('2023-06-20', '08:05:00'), device: DEVICE },
  ],
  targets: [
    { key: 'local:activations:*:*', indicator: 'activations', count: 30000, modified: stamp('2023-06-20', '08:10:00'), device: DEVICE },
    { key: 'local:applications:ward-1:*', indicator: 'applications', unit: 'ward-1', count: 1200, modified: stamp('2023-06-20', '08:12:00'), device: DEVICE },
  ],
  entries,
  audit: [
    {
      at: stamp('2023-06-21', '07:40:00'),
      device: DEVICE,
      staff: 'Nguyễn Thị Lan',
      date: '2023-06-20',
      unit: 'ward-1',
      old: { activations: 18, applications: 25 },
      new: { activations: entries[1].counts.activations, applications: entries[1].counts.applications },
      reason: 'sửa số sau khi đối chiếu sổ',
    },
  ],
};

// ---------------------------------------------------------------------------
// Helpers.
const pretty = (v) => `${JSON.stringify(v, null, 2)}\n`;
const clone = () => structuredClone(base);
/** The base with `f` applied, pretty-printed. */
const edit = (f) => {
  const v = clone();
  f(v);
  return pretty(v);
};
/** The base with `f` applied; then each `"@@name@@"` string is replaced by raw JSON text. */
const editRaw = (f, raws) => {
  let text = edit(f);
  for (const [name, raw] of Object.entries(raws)) {
    const marker = JSON.stringify(`@@${name}@@`);
    if (!text.includes(marker)) throw new Error(`marker ${name} not found`);
    text = text.replace(marker, raw);
  }
  return text;
};
const without = (object, key) => {
  delete object[key];
};
const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';
const BASE_TEXT = pretty(base);
const utf16le = (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text) => {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
};

// ---------------------------------------------------------------------------
// The cases: [file, what is wrong, expected place ('' = the whole file),
// expected problem (a `Problem` variant, or its exact Debug form), text the
// problem's message must contain (for `Invalid`), contents].
const W = '';
export const cases = [];
const add = (file, what, place, problem, detail, contents) => cases.push({ file, what, place, problem, detail, contents });

// Whole file: empty, encodings, not JSON, not an object.
add('001-empty.json', 'zero bytes', W, 'Empty', '', '');
add('002-whitespace-only.json', 'only spaces, tabs and newlines', W, 'Empty', '', ' \n\t\r\n  \n');
add('003-bom-only.json', 'a UTF-8 byte-order mark and nothing else', W, 'Empty', '', '\ufeff');
add('004-bom-then-garbage.json', 'a UTF-8 byte-order mark followed by text that is not JSON', W, 'NotJson(1, 1)', '', '\ufeffvneid export, see attachment\n');
add('005-utf16le-bom.json', 'the valid base, saved as UTF-16 little-endian with its BOM', W, 'NotText', '', utf16le(BASE_TEXT));
add('006-utf16be-bom.json', 'the valid base, saved as UTF-16 big-endian with its BOM', W, 'NotText', '', utf16be(BASE_TEXT));
add('007-latin1.json', 'a staff name in Latin-1 (byte 0xE9 for \u00e9), not UTF-8', W, 'NotText', '',
  (() => { const b = Buffer.from(edit((v) => { v.entries[0].staff = 'Jos\u00e9'; })); const at = b.indexOf(Buffer.from('Jos\u00e9')) + 3; return Buffer.concat([b.subarray(0, at), Buffer.from([0xe9]), b.subarray(at + 2)]); })());
add('008-truncated-half.json', 'the base cut off halfway', W, 'NotJson', '', BASE_TEXT.slice(0, Math.floor(BASE_TEXT.length / 2)));
add('009-truncated-last-brace.json', 'the base without its closing brace', W, 'NotJson', '', BASE_TEXT.trimEnd().slice(0, -1));
add('010-truncated-mid-utf8.json', 'the base cut inside a multi-byte character (ô of "Công")', W, 'NotText', '',
  (() => { const b = Buffer.from(BASE_TEXT); const at = b.indexOf(Buffer.from('Công')) + 2; return b.subarray(0, at); })());
add('011-trailing-garbage.json', 'the base followed by more text', W, 'NotJson', '', `${BASE_TEXT}}{"format": 1}\n`);
add('012-two-documents.json', 'the base twice, one after the other', W, 'NotJson', '', BASE_TEXT + BASE_TEXT);
add('013-csv-export.json', "the app's own CSV export under a .json name", W, 'NotJson', '',
  '\ufeffNgày,Mã đơn vị,Đơn vị,Hồ sơ,Tài khoản\r\n2023-06-20,district-team,Đội CS QLHC,40,30\r\n');
add('014-html-page.json', 'an HTML page (a captive-portal login page) saved as .json', W, 'NotJson', '',
  `<!DOCTYPE html><html><head><title>Login</title></head><body><script>alert(1)</script></body></html>\n`);
add('015-json-null.json', 'the JSON value null', W, 'NotAnExport', '', 'null\n');
add('016-json-array.json', 'the base wrapped in an array', W, 'NotAnExport', '', `[${BASE_TEXT}]\n`);
add('017-json-string.json', 'a JSON string', W, 'NotAnExport', '', '"vneid-campaign-tally"\n');
add('018-json-number.json', 'a JSON number', W, 'NotAnExport', '', '1\n');
add('019-json-true.json', 'a JSON boolean', W, 'NotAnExport', '', 'true\n');
add('020-empty-object.json', 'an empty object', 'format', 'NotAnExport', '', '{}\n');
add('021-comments.json', 'JavaScript comments in the JSON', W, 'NotJson', '', `// exported by kiosk-q3-a\n${BASE_TEXT}`);
add('022-single-quotes.json', "single-quoted strings", W, 'NotJson', '', BASE_TEXT.replace('"format": "vneid-campaign-tally"', "'format': 'vneid-campaign-tally'"));
add('023-nan-count.json', 'NaN as a count (not JSON)', W, 'NotJson', '',
  editRaw((v) => { v.entries[0].counts.applications = '@@n@@'; }, { n: 'NaN' }));
add('024-trailing-comma.json', 'a trailing comma after the last entry', W, 'NotJson', '',
  editRaw((v) => { v.audit = '@@a@@'; }, { a: `[${JSON.stringify(base.audit[0])},]` }));

// The header: format, version, campaign.
add('030-format-missing.json', 'no "format" field', 'format', 'NotAnExport', '', edit((v) => without(v, 'format')));
add('031-format-other-app.json', 'the format of another app', 'format', 'NotAnExport', '', edit((v) => { v.format = 'vneid-campaign-backup'; }));
add('032-format-uppercase.json', 'the format in capitals', 'format', 'NotAnExport', '', edit((v) => { v.format = 'VNEID-CAMPAIGN-TALLY'; }));
add('033-format-number.json', 'the format as a number', 'format', 'NotAnExport', '', edit((v) => { v.format = 1; }));
add('034-format-array.json', 'the format as an array holding the right string', 'format', 'NotAnExport', '', edit((v) => { v.format = ['vneid-campaign-tally']; }));
add('035-version-2.json', 'version 2 (a newer, unknown format)', 'version', 'UnknownVersion("2")', '', edit((v) => { v.version = 2; }));
add('036-version-0.json', 'version 0', 'version', 'UnknownVersion("0")', '', edit((v) => { v.version = 0; }));
add('037-version-string.json', 'the version as a string "1"', 'version', 'UnknownVersion("\\"1\\"")', '', edit((v) => { v.version = '1'; }));
add('038-version-float.json', 'the version as 1.5', 'version', 'UnknownVersion("1.5")', '', edit((v) => { v.version = 1.5; }));
add('039-version-negative.json', 'version -1', 'version', 'UnknownVersion("-1")', '', edit((v) => { v.version = -1; }));
add('040-version-missing.json', 'no "version" field', 'version', 'UnknownVersion("")', '', edit((v) => without(v, 'version')));
add('041-version-overflow.json', 'a version beyond 64 bits', 'version', 'UnknownVersion', '',
  editRaw((v) => { v.version = '@@v@@'; }, { v: '18446744073709551617' }));
add('042-campaign-other.json', 'an export of another campaign', 'campaign', 'OtherCampaign("tv-duyen-hai-2023")', '', edit((v) => { v.campaign = 'tv-duyen-hai-2023'; }));
add('043-campaign-missing.json', 'no "campaign" field', 'campaign', 'OtherCampaign("")', '', edit((v) => without(v, 'campaign')));
add('044-campaign-uppercase.json', 'the campaign id in capitals', 'campaign', 'OtherCampaign("HCM-Q3-2023")', '', edit((v) => { v.campaign = 'HCM-Q3-2023'; }));
add('045-campaign-number.json', 'the campaign as a number', 'campaign', 'OtherCampaign("3")', '', edit((v) => { v.campaign = 3; }));
add('046-campaign-script.json', 'a script tag as the campaign id', 'campaign', `OtherCampaign(${JSON.stringify(SCRIPT)})`, '', edit((v) => { v.campaign = SCRIPT; }));

// Wrong type or shape, at every level.
add('050-generated-at-number.json', 'generated_at as a Unix time number', 'generated_at', 'Invalid', 'invalid type: integer', edit((v) => { v.generated_at = 1687690800; }));
add('051-generated-at-missing.json', 'no generated_at', '.', 'Invalid', 'missing field `generated_at`', edit((v) => without(v, 'generated_at')));
add('052-device-string.json', 'device as a string instead of an object', 'device', 'Invalid', 'invalid type: string', edit((v) => { v.device = DEVICE; }));
add('053-device-id-number.json', 'device.id as a number', 'device.id', 'Invalid', 'invalid type: integer', edit((v) => { v.device.id = 42; }));
add('054-device-id-missing.json', 'device without an id', 'device', 'Invalid', 'missing field `id`', edit((v) => without(v.device, 'id')));
add('055-device-extra-field.json', 'an unknown field in device (an IP address)', 'device.ip', 'Invalid', 'unknown field `ip`', edit((v) => { v.device.ip = '10.0.0.7'; }));
add('056-indicators-string.json', 'indicators as a string', 'indicators', 'Invalid', 'invalid type: string', edit((v) => { v.indicators = 'applications,activations'; }));
add('057-indicators-numbers.json', 'indicators as numbers', 'indicators[0]', 'Invalid', 'invalid type: integer', edit((v) => { v.indicators = [1, 2]; }));
add('058-units-object.json', 'units as an object keyed by id', 'units', 'Invalid', 'invalid type: map', edit((v) => { v.units = { 'ward-1': v.units[0] }; }));
add('059-units-item-string.json', 'a unit as a plain string', 'units[0]', 'Invalid', 'invalid type: string', edit((v) => { v.units[0] = 'ward-1'; }));
add('060-unit-name-object.json', 'a unit name as a bilingual object', 'units[0].name', 'Invalid', 'invalid type: map', edit((v) => { v.units[0].name = { vi: 'Phường 1', en: 'Ward 1' }; }));
add('061-targets-null.json', 'targets as null', 'targets', 'Invalid', 'invalid type: null', edit((v) => { v.targets = null; }));
add('062-target-count-string.json', 'a target count as a string', 'targets[0].count', 'Invalid', 'invalid type: string', edit((v) => { v.targets[0].count = '30000'; }));
add('063-target-unit-number.json', 'a target unit as a number', 'targets[1].unit', 'Invalid', 'invalid type: integer', edit((v) => { v.targets[1].unit = 1; }));
add('064-entries-object.json', 'entries as an object', 'entries', 'Invalid', 'invalid type: map', edit((v) => { v.entries = { 0: v.entries[0] }; }));
add('065-entry-array.json', 'an entry as an array of two values', 'entries[0]', 'Invalid', 'invalid length 2', edit((v) => { v.entries[0] = [v.entries[0].date, v.entries[0].unit]; }));
add('066-entry-counts-array.json', 'counts as an array', 'entries[0].counts', 'Invalid', 'invalid type: sequence', edit((v) => { v.entries[0].counts = [40, 30]; }));
add('067-count-string.json', 'a count as a string', 'entries[0].counts.applications', 'Invalid', 'invalid type: string "40"', edit((v) => { v.entries[0].counts.applications = '40'; }));
add('068-count-null.json', 'a count as null', 'entries[0].counts.applications', 'Invalid', 'invalid type: null', edit((v) => { v.entries[0].counts.applications = null; }));
add('069-count-boolean.json', 'a count as true', 'entries[0].counts.applications', 'Invalid', 'invalid type: boolean', edit((v) => { v.entries[0].counts.applications = true; }));
add('070-count-object.json', 'a count as an object', 'entries[0].counts.applications', 'Invalid', 'invalid type: map', edit((v) => { v.entries[0].counts.applications = { value: 40 }; }));
add('071-outside-period-string.json', 'outside_period as "yes"', 'entries[0].outside_period', 'Invalid', 'invalid type: string', edit((v) => { v.entries[0].outside_period = 'yes'; }));
add('072-entry-staff-number.json', 'a staff name as a number', 'entries[0].staff', 'Invalid', 'invalid type: integer', edit((v) => { v.entries[0].staff = 7; }));
add('073-entry-unit-missing.json', 'an entry without its unit', 'entries[0]', 'Invalid', 'missing field `unit`', edit((v) => without(v.entries[0], 'unit')));
add('074-entry-extra-citizen-id.json', "an entry carrying a citizen's ID number", 'entries[0].citizen_id', 'Invalid', 'unknown field `citizen_id`', edit((v) => { v.entries[0].citizen_id = '079203001234'; }));
add('075-audit-string.json', 'audit as a string', 'audit', 'Invalid', 'invalid type: string', edit((v) => { v.audit = 'none'; }));
add('076-audit-old-string.json', "an audit record's old counts as a string", 'audit[0].old', 'Invalid', 'invalid type: string', edit((v) => { v.audit[0].old = '25/18'; }));
add('077-root-extra-field.json', 'an unknown top-level field', 'comment', 'Invalid', 'unknown field `comment`', edit((v) => { v.comment = 'hello'; }));
add('078-root-citizens.json', 'a list of citizens (personal data) at the top level', 'citizens', 'Invalid', 'unknown field `citizens`',
  edit((v) => { v.citizens = [{ name: 'Nguyễn Văn A', id_number: '079203001234', phone: '0903000000' }]; }));
add('079-entries-missing.json', 'no entries field', '.', 'Invalid', 'missing field `entries`', edit((v) => without(v, 'entries')));

// Counts: negative, fractional, huge, overflowing.
add('080-count-negative.json', 'a negative count', 'entries[0].counts.activations', 'Invalid', 'integer `-1`', edit((v) => { v.entries[0].counts.activations = -1; }));
add('081-count-negative-zero.json', 'the count -0', 'entries[0].counts.activations', 'Invalid', 'floating point', editRaw((v) => { v.entries[0].counts.activations = '@@n@@'; }, { n: '-0' }));
add('082-count-fraction.json', 'a fractional count', 'entries[0].counts.applications', 'Invalid', 'floating point `2.5`', edit((v) => { v.entries[0].counts.applications = 2.5; }));
add('083-count-whole-float.json', 'a count written 40.0', 'entries[0].counts.applications', 'Invalid', 'floating point `40.0`', editRaw((v) => { v.entries[0].counts.applications = '@@n@@'; }, { n: '40.0' }));
add('084-count-exponent.json', 'a count written 1e3', 'entries[0].counts.applications', 'Invalid', 'floating point `1000.0`', editRaw((v) => { v.entries[0].counts.applications = '@@n@@'; }, { n: '1e3' }));
add('085-count-above-max.json', 'a count one above the daily maximum (50,000)', 'entries[0].counts.applications', 'CountTooLarge(50001)', '', edit((v) => { v.entries[0].counts.applications = 50001; }));
add('086-count-huge.json', 'a count of 900,000 in a day', 'entries[3].counts.activations', 'CountTooLarge(900000)', '', edit((v) => { v.entries[3].counts.activations = 900000; }));
add('087-count-u64-max.json', 'the largest 64-bit count', 'entries[0].counts.applications', 'CountTooLarge(18446744073709551615)', '', editRaw((v) => { v.entries[0].counts.applications = '@@n@@'; }, { n: '18446744073709551615' }));
add('088-count-overflow.json', 'a count one beyond 64 bits', 'entries[0].counts.applications', 'Invalid', 'floating point', editRaw((v) => { v.entries[0].counts.applications = '@@n@@'; }, { n: '18446744073709551616' }));
add('089-count-400-digits.json', 'a count of 400 digits', 'entries[0].counts.applications', 'Invalid', '', editRaw((v) => { v.entries[0].counts.applications = '@@n@@'; }, { n: '9'.repeat(400) }));
add('090-audit-new-negative.json', 'a negative count in an audit record', 'audit[0].new.applications', 'Invalid', 'integer `-5`', edit((v) => { v.audit[0].new.applications = -5; }));
add('091-audit-old-huge.json', 'a huge count in an audit record', 'audit[0].old.applications', 'CountTooLarge(1000000)', '', edit((v) => { v.audit[0].old.applications = 1000000; }));
add('092-target-count-huge.json', 'a target above 500,000,000', 'targets[0].count', 'CountTooLarge(500000001)', '', edit((v) => { v.targets[0].count = 500000001; }));
add('093-target-count-negative.json', 'a negative target', 'targets[0].count', 'Invalid', 'integer `-30000`', edit((v) => { v.targets[0].count = -30000; }));

// Dates and times: impossible, malformed, out of range.
add('100-date-feb-30.json', 'the date 30/02', 'entries[0].date', 'Invalid', 'is not a date like 2023-06-20', edit((v) => { v.entries[0].date = '2023-02-30'; }));
add('101-date-month-13.json', 'month 13', 'entries[0].date', 'Invalid', 'is not a date like 2023-06-20', edit((v) => { v.entries[0].date = '2023-13-01'; }));
add('102-date-day-first.json', 'a day-first date 20/06/2023', 'entries[0].date', 'Invalid', 'is not a date like 2023-06-20', edit((v) => { v.entries[0].date = '20/06/2023'; }));
add('103-date-with-time.json', 'a date with a time', 'entries[0].date', 'Invalid', 'is not a date like 2023-06-20', edit((v) => { v.entries[0].date = '2023-06-20T00:00:00+07:00'; }));
add('104-date-number.json', 'a date as the number 20230620', 'entries[0].date', 'Invalid', 'invalid type: integer', edit((v) => { v.entries[0].date = 20230620; }));
add('105-date-before-period.json', 'a day before the campaign, not marked outside_period', 'entries[0].date', 'OutsidePeriod(2023-06-19)', '', edit((v) => { v.entries[0].date = '2023-06-19'; }));
add('106-date-after-period.json', 'a day after the campaign, not marked outside_period', 'entries[14].date', 'OutsidePeriod(2023-11-06)', '', edit((v) => { v.entries[14].date = '2023-11-06'; }));
add('107-date-far-future-override.json', 'year 2099, even marked outside_period', 'entries[0].date', 'OutsidePeriod(2099-01-01)', '', edit((v) => { v.entries[0].date = '2099-01-01'; v.entries[0].outside_period = true; }));
add('108-date-far-past-override.json', 'year 1900, even marked outside_period', 'entries[0].date', 'OutsidePeriod(1900-01-01)', '', edit((v) => { v.entries[0].date = '1900-01-01'; v.entries[0].outside_period = true; }));
add('109-date-year-zero.json', 'year 0000, marked outside_period', 'entries[0].date', 'OutsidePeriod(0000-01-01)', '', edit((v) => { v.entries[0].date = '0000-01-01'; v.entries[0].outside_period = true; }));
add('110-date-negative-year.json', 'year -001', 'entries[0].date', 'Invalid', 'is not a date like 2023-06-20', edit((v) => { v.entries[0].date = '-001-01-01'; v.entries[0].outside_period = true; }));
add('111-date-five-digit-year.json', 'year 10000', 'entries[0].date', 'Invalid', 'is not a date like 2023-06-20', edit((v) => { v.entries[0].date = '10000-01-01'; }));
add('112-date-empty.json', 'an empty date', 'entries[0].date', 'Invalid', 'is not a date like 2023-06-20', edit((v) => { v.entries[0].date = ''; }));
add('113-modified-feb-29-2023.json', '29/02 of a common year in a time', 'entries[0].modified', 'Invalid', 'is not a time like', edit((v) => { v.entries[0].modified = '2023-02-29T17:00:00+07:00'; }));
add('114-modified-hour-25.json', 'hour 25', 'entries[0].modified', 'Invalid', 'is not a time like', edit((v) => { v.entries[0].modified = '2023-06-20T25:00:00+07:00'; }));
add('115-modified-no-offset.json', 'a time without its UTC offset', 'entries[0].modified', 'Invalid', 'is not a time like', edit((v) => { v.entries[0].modified = '2023-06-20T17:00:00'; }));
add('116-modified-offset-99.json', 'a UTC offset of +99:00', 'entries[0].modified', 'Invalid', 'is not a time like', edit((v) => { v.entries[0].modified = '2023-06-20T17:00:00+99:00'; }));
add('117-generated-at-24h.json', 'generated_at at 24:00:00', 'generated_at', 'Invalid', 'is not a time like', edit((v) => { v.generated_at = '2023-06-25T24:00:00+07:00'; }));
add('118-generated-at-year-9999-utc.json', 'generated_at in the last second of year 9999 UTC (year 10000 in Vietnam)', 'generated_at', 'Invalid', 'is not a time like', edit((v) => { v.generated_at = '9999-12-31T23:59:59Z'; }));
add('119-modified-year-9999-west.json', 'a modified time at the end of year 9999 at UTC-25:59', 'entries[0].modified', 'Invalid', 'is not a time like', edit((v) => { v.entries[0].modified = '9999-12-31T23:59:59-25:59'; }));
add('120-audit-date-far-past.json', 'an audit record dated two years before the campaign', 'audit[0].date', 'OutsidePeriod(2021-06-20)', '', edit((v) => { v.audit[0].date = '2021-06-20'; }));
add('121-audit-at-garbage.json', "an audit record's time as words", 'audit[0].at', 'Invalid', 'is not a time like', edit((v) => { v.audit[0].at = 'yesterday morning'; }));
add('122-unit-modified-date-only.json', "a unit's modified time as a date only", 'units[0].modified', 'Invalid', 'is not a time like', edit((v) => { v.units[0].modified = '2023-06-20'; }));

// Unknown units, indicators, phases; bad ids and text.
add('130-entry-unit-unknown.json', 'an entry for a unit neither the campaign nor the file defines', 'entries[0].unit', 'UnknownUnit("ward-99")', '', edit((v) => { v.entries[0].unit = 'ward-99'; }));
add('131-entry-unit-empty.json', 'an entry with an empty unit', 'entries[0].unit', 'UnknownUnit("")', '', edit((v) => { v.entries[0].unit = ''; }));
add('132-entry-unit-removed.json', 'entries for ward-1 without ward-1 in units', 'entries[1].unit', 'UnknownUnit("ward-1")', '', edit((v) => { v.units.shift(); v.targets.pop(); v.audit = []; }));
add('133-audit-unit-unknown.json', 'an audit record for an unknown unit', 'audit[0].unit', 'UnknownUnit("ward-99")', '', edit((v) => { v.audit[0].unit = 'ward-99'; }));
add('134-target-unit-unknown.json', 'a target for an unknown unit', 'targets[1].unit', 'UnknownUnit("ward-99")', '', edit((v) => { v.targets[1].unit = 'ward-99'; v.targets[1].key = 'local:applications:ward-99:*'; }));
add('135-count-indicator-unknown.json', 'a count of an indicator the campaign does not count', 'entries[0].counts.installs', 'UnknownIndicator("installs")', '', edit((v) => { v.entries[0].counts.installs = 3; }));
add('136-count-indicator-case.json', 'an indicator id in capitals', 'entries[0].counts.Applications', 'UnknownIndicator("Applications")', '',
  edit((v) => { const c = v.entries[0].counts; v.entries[0].counts = { Applications: c.applications, activations: c.activations }; }));
add('137-audit-indicator-unknown.json', 'an unknown indicator in an audit record', 'audit[0].old.installs', 'UnknownIndicator("installs")', '', edit((v) => { v.audit[0].old.installs = 1; }));
add('138-target-indicator-unknown.json', 'a target of an unknown indicator', 'targets[0].indicator', 'UnknownIndicator("installs")', '', edit((v) => { v.targets[0].indicator = 'installs'; v.targets[0].key = 'local:installs:*:*'; }));
add('139-target-phase-unknown.json', 'a target for a phase the campaign does not have', 'targets[0].phase', 'UnknownPhase("phase-2")', '', edit((v) => { v.targets[0].phase = 'phase-2'; v.targets[0].key = 'local:activations:*:phase-2'; }));
add('140-target-key-mismatch.json', "a target key that does not match its indicator", 'targets[0].key', 'Invalid', 'does not match this target', edit((v) => { v.targets[0].key = 'local:applications:*:*'; }));
add('141-target-key-campaign-none.json', 'a key for the campaign file\u2019s target 0 (it has none)', 'targets[0].key', 'Invalid', 'does not match this target', edit((v) => { v.targets[0].key = 'campaign:0'; }));
add('142-device-id-spaces.json', 'a device id with capitals and spaces', 'device.id', 'BadId("Kiosk Q3")', '', edit((v) => { v.device.id = 'Kiosk Q3'; }));
add('143-device-id-empty.json', 'an empty device id', 'device.id', 'BadId("")', '', edit((v) => { v.device.id = ''; }));
add('144-unit-id-too-long.json', 'a unit id of 65 characters', 'units[0].id', 'BadId', '', edit((v) => { v.units[0].id = 'w'.repeat(65); }));
add('145-unit-name-empty.json', 'a blank unit name', 'units[1].name', 'BadText', '', edit((v) => { v.units[1].name = '   '; }));
add('146-unit-name-too-long.json', 'a unit name of 121 characters', 'units[1].name', 'BadText', '', edit((v) => { v.units[1].name = 'Phường '.repeat(17) + 'Võ Thị Sáu'.slice(0, 2); }));
add('147-unit-name-control.json', 'a unit name with a bell and a newline', 'units[1].name', 'BadText', '', edit((v) => { v.units[1].name = 'Phường\u0007\nVõ Thị Sáu'; }));
add('148-staff-nul.json', 'a staff name with a NUL character', 'entries[0].staff', 'BadText', '', edit((v) => { v.entries[0].staff = 'Lan\u0000'; }));
add('149-audit-reason-empty.json', 'an empty reason', 'audit[0].reason', 'BadText', '', edit((v) => { v.audit[0].reason = ''; }));
add('150-device-label-too-long.json', 'a device label of 500 characters', 'device.label', 'BadText', '', edit((v) => { v.device.label = 'K'.repeat(500); }));

// Duplicates: keys, units, entries.
add('160-duplicate-entry.json', 'the same day and unit twice', 'entries[15]', 'DuplicateEntry(2023-06-20, "district-team")', '', edit((v) => { v.entries.push(structuredClone(v.entries[0])); }));
add('161-duplicate-entry-other-counts.json', 'the same day and unit twice, with other counts', 'entries[3]', 'DuplicateEntry(2023-06-20, "ward-police")', '',
  edit((v) => { v.entries[3] = { ...structuredClone(v.entries[2]), counts: { activations: 1, applications: 2 } }; }));
add('162-duplicate-unit.json', 'the same unit id twice', 'units[1].id', 'DuplicateUnit("ward-1")', '', edit((v) => { v.units[1].id = 'ward-1'; }));
add('163-duplicate-key-count.json', 'the same indicator twice in one entry\u2019s counts', 'entries[0].counts', 'Invalid', 'indicator "applications" appears twice',
  editRaw((v) => { v.entries[0].counts = '@@c@@'; }, { c: '{ "activations": 30, "applications": 40, "applications": 4000 }' }));
add('164-duplicate-key-entry-unit.json', 'the key "unit" twice in one entry', 'entries[0]', 'Invalid', 'duplicate field `unit`',
  editRaw((v) => { v.entries[0].unit = '@@u@@'; }, { u: '"district-team", "unit": "ward-police"' }));
add('165-duplicate-key-entries.json', 'the key "entries" twice at the top level', '.', 'Invalid', 'duplicate field `entries`',
  editRaw((v) => { v.audit = '@@a@@'; }, { a: `${JSON.stringify(base.audit)}, "entries": []` }));
add('166-duplicate-key-campaign.json', 'the key "campaign" twice (this campaign, then another)', W, 'NotAnExport', '',
  editRaw((v) => { v.campaign = '@@c@@'; }, { c: '"hcm-q3-2023", "campaign": "tv-duyen-hai-2023"' }));
add('167-duplicate-key-device-id.json', 'the key "id" twice in device', 'device', 'Invalid', 'duplicate field `id`',
  editRaw((v) => { v.device.id = '@@d@@'; }, { d: `"${DEVICE}", "id": "kiosk-evil"` }));

// Script and HTML in every string field.
const html = [
  ['device.id', 'BadId', (v, s) => { v.device.id = s; }],
  ['device.label', 'BadText', (v, s) => { v.device.label = s; }],
  ['generated_at', 'Invalid', (v, s) => { v.generated_at = s; }],
  ['indicators[0]', 'BadId', (v, s) => { v.indicators[0] = s; }],
  ['units[0].id', 'BadId', (v, s) => { v.units[0].id = s; }],
  ['units[0].name', 'BadText', (v, s) => { v.units[0].name = s; }],
  ['units[0].modified', 'Invalid', (v, s) => { v.units[0].modified = s; }],
  ['units[0].device', 'BadId', (v, s) => { v.units[0].device = s; }],
  ['targets[0].key', 'Invalid', (v, s) => { v.targets[0].key = s; }],
  ['targets[0].indicator', 'UnknownIndicator', (v, s) => { v.targets[0].indicator = s; }],
  ['targets[1].unit', 'UnknownUnit', (v, s) => { v.targets[1].unit = s; }],
  ['targets[0].phase', 'UnknownPhase', (v, s) => { v.targets[0].phase = s; }],
  ['targets[0].modified', 'Invalid', (v, s) => { v.targets[0].modified = s; }],
  ['targets[0].device', 'BadId', (v, s) => { v.targets[0].device = s; }],
  ['entries[0].date', 'Invalid', (v, s) => { v.entries[0].date = s; }],
  ['entries[0].unit', 'UnknownUnit', (v, s) => { v.entries[0].unit = s; }],
  ['entries[0].counts.<key>', 'UnknownIndicator', (v, s) => { v.entries[0].counts[s] = 1; }],
  ['entries[0].modified', 'Invalid', (v, s) => { v.entries[0].modified = s; }],
  ['entries[0].device', 'BadId', (v, s) => { v.entries[0].device = s; }],
  ['entries[0].staff', 'BadText', (v, s) => { v.entries[0].staff = s; }],
  ['audit[0].at', 'Invalid', (v, s) => { v.audit[0].at = s; }],
  ['audit[0].device', 'BadId', (v, s) => { v.audit[0].device = s; }],
  ['audit[0].staff', 'BadText', (v, s) => { v.audit[0].staff = s; }],
  ['audit[0].date', 'Invalid', (v, s) => { v.audit[0].date = s; }],
  ['audit[0].unit', 'UnknownUnit', (v, s) => { v.audit[0].unit = s; }],
  ['audit[0].old.<key>', 'UnknownIndicator', (v, s) => { v.audit[0].old[s] = 1; }],
  ['audit[0].new.<key>', 'UnknownIndicator', (v, s) => { v.audit[0].new[s] = 1; }],
  ['audit[0].reason', 'BadText', (v, s) => { v.audit[0].reason = s; }],
  ['<top-level key>', 'Invalid', (v, s) => { v[s] = 1; }],
];
// Text fields show text as text, so markup in them is accepted (the forms accept it too);
// what the forms refuse there is a hidden character: a direction override or a control.
const HIDDEN = ['Lan \u202Enimda', 'Lan\u0000'];
let hiddenUsed = 0;
html.forEach(([field, problem, set], i) => {
  // Alternate a script tag and an HTML tag with an event handler (hidden characters in text fields).
  const payload = problem === 'BadText' ? HIDDEN[hiddenUsed++ % 2] : i % 2 === 0 ? SCRIPT : IMG;
  const slug = field.replace(/<top-level key>/, 'root-key').replace(/<key>/, 'key').replace(/\[(\d+)\]/g, '$1').replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  const place = field.replace('<key>', payload).replace('<top-level key>', payload);
  const detail = problem === 'Invalid' && field === '<top-level key>' ? 'unknown field' : '';
  const what = problem === 'BadText' ? (payload.includes('\u202E') ? 'a right-to-left override' : 'a control character') : payload === SCRIPT ? 'a script tag' : 'an HTML tag with an event handler';
  add(`${String(200 + i).padStart(3, '0')}-${problem === 'BadText' ? 'hidden' : 'html'}-${slug}.json`, `${what} in \`${field}\``, place, problem, detail, edit((v) => set(v, payload)));
});
add('240-html-version.json', 'a script tag as the version', 'version', `UnknownVersion(${JSON.stringify(JSON.stringify(SCRIPT))})`, '', edit((v) => { v.version = SCRIPT; }));
add('241-html-format.json', 'an HTML tag as the format', 'format', 'NotAnExport', '', edit((v) => { v.format = IMG; }));

// ---------------------------------------------------------------------------
// Made at test time (too big to commit): documented here, built in
// tests/hostile.rs and tests/e2e/hostile.spec.js the same way.
export const GENERATED = [
  { file: 'gen-10000-duplicate-entries.json', what: 'the base with entries = 10,000 copies of its first entry (about 1.5 MB)', place: 'entries[1]', problem: 'DuplicateEntry(2023-06-20, "district-team")', detail: '' },
  { file: 'gen-50mb.json', what: 'the base padded with spaces before its closing brace to exactly 50,000,000 bytes (limit: 40 MiB)', place: W, problem: 'TooLarge(50000000)', detail: '' },
  { file: 'gen-deep-array.json', what: '100,000 nested arrays: "[" × 100,000 then "]" × 100,000', place: W, problem: 'NotJson', detail: '' },
  { file: 'gen-deep-unknown-field.json', what: 'the base with a first field "x" holding {"x": … } nested 100,000 deep', place: 'x', problem: 'Invalid', detail: 'unknown field `x`' },
  { file: 'gen-deep-format.json', what: 'a header whose "format" is 100,000 nested arrays', place: W, problem: 'NotJson', detail: '' },
  { file: 'gen-deep-count.json', what: 'the base with entries[0].counts.applications = 100,000 nested arrays', place: 'entries[0].counts.applications', problem: 'Invalid', detail: 'invalid type: sequence' },
];

// ---------------------------------------------------------------------------
// Bad campaign files (the configuration import, `Campaign::from_json`), each one
// public/campaigns/hcm-q3-2023.json with one thing wrong. "path" is either the
// exact `CampaignError.path`(s) that `validate()` reports, or `line of "key"`
// when serde refuses the file first: its path is then "line L, column C", and
// line L must hold that key; `line/column` when no key applies.
const campaignBase = JSON.parse(readFileSync(join(here, '../../public/campaigns/hcm-q3-2023.json'), 'utf8'));
const cedit = (f) => {
  const v = structuredClone(campaignBase);
  f(v);
  return pretty(v);
};
const ceditRaw = (f, raws) => {
  let text = cedit(f);
  for (const [name, raw] of Object.entries(raws)) {
    const marker = JSON.stringify(`@@${name}@@`);
    if (!text.includes(marker)) throw new Error(`marker ${name} not found`);
    text = text.replace(marker, raw);
  }
  return text;
};
const target = (extra) => ({ indicator: 'applications', count: 1000, description: { vi: 'Toàn quận', en: 'Whole district' }, ...extra });
const phases = (a, b) => [
  { id: 'phase-1', name: { vi: 'Giai đoạn 1', en: 'Phase 1' }, period: a },
  ...(b ? [{ id: 'phase-2', name: { vi: 'Giai đoạn 2', en: 'Phase 2' }, period: b }] : []),
];
const special = (date, hours) => ({ date, hours, reason: { vi: 'Nghỉ lễ', en: 'Holiday' } });
const visit = (extra) => ({ date: '2023-09-10', hours: '08:00-11:00', place: { vi: 'Chung cư A', en: 'Block A' }, office: 'mobile-team', ...extra });
const LINE = 'line/column';
const lineOf = (key) => `line of "${key}"`;
export const campaignCases = [];
const cadd = (file, what, path, detail, contents) => campaignCases.push({ file, what, path, detail, contents });

// Refused by serde (shape and types).
cadd('c001-empty.json', 'zero bytes', LINE, 'EOF while parsing a value', '');
cadd('c002-html-page.json', 'an HTML page', LINE, 'expected value', '<!DOCTYPE html><html><body><script>alert(1)</script></body></html>\n');
cadd('c003-json-null.json', 'the JSON value null', LINE, 'invalid type: null', 'null\n');
cadd('c004-truncated.json', 'the file cut off halfway', LINE, 'EOF while parsing', pretty(campaignBase).slice(0, 2000));
cadd('c005-missing-name.json', 'no "name"', LINE, 'missing field `name`', cedit((v) => without(v, 'name')));
cadd('c006-missing-period.json', 'no "period"', LINE, 'missing field `period`', cedit((v) => without(v, 'period')));
cadd('c007-missing-indicators.json', 'no "indicators"', LINE, 'missing field `indicators`', cedit((v) => without(v, 'indicators')));
cadd('c008-missing-period-end.json', 'a period without its end', LINE, 'missing field `end`', cedit((v) => without(v.period, 'end')));
cadd('c009-format-version-string.json', 'format_version as a string', lineOf('format_version'), 'invalid type: string "1"', cedit((v) => { v.format_version = '1'; }));
cadd('c010-name-string.json', 'the name as one string, not {vi, en}', lineOf('name'), 'invalid type: string', cedit((v) => { v.name = v.name.vi; }));
cadd('c011-period-start-day-first.json', 'the start written 20/06/2023', lineOf('start'), 'is not a date like 2023-06-20', cedit((v) => { v.period.start = '20/06/2023'; }));
cadd('c012-document-date-feb-30.json', 'the document dated 30/02', lineOf('date'), 'is not a date like 2023-06-20', cedit((v) => { v.document.date = '2023-02-30'; }));
cadd('c013-deadline-date-number.json', 'a deadline date as a number', lineOf('date'), 'invalid type: integer', cedit((v) => { v.deadlines[0].date = 20231105; }));
cadd('c014-unknown-field.json', 'an unknown top-level field holding a script', lineOf('script'), 'unknown field `script`', cedit((v) => { v.script = SCRIPT; }));
cadd('c015-office-kind-unknown.json', 'an office kind the app does not know', lineOf('kind'), 'unknown variant `police_station`', cedit((v) => { v.offices[0].kind = 'police_station'; }));
cadd('c016-office-count-negative.json', 'an office count of -1', lineOf('count'), 'invalid value: integer `-1`', cedit((v) => { v.offices[1].count = -1; }));
cadd('c017-duplicate-key-id.json', 'the key "id" twice', lineOf('id'), 'duplicate field `id`', ceditRaw((v) => { v.id = '@@id@@'; }, { id: '"hcm-q3-2023",\n  "id": "hcm-q3-2024"' }));
cadd('c018-target-percent-300.json', 'a target percentage of 300 (beyond a byte)', lineOf('percent'), 'invalid value: integer `300`', cedit((v) => { v.targets = [target({ count: undefined, percent: 300 })]; }));
cadd('c019-deep-nesting.json', 'offers nested 1,000 arrays deep', lineOf('offers'), 'invalid type: sequence',
  ceditRaw((v) => { v.offers = '@@o@@'; }, { o: '['.repeat(1000) + ']'.repeat(1000) }));
cadd('c020-offers-script-string.json', 'an offer as a bare script string', lineOf(SCRIPT), 'invalid type: string', cedit((v) => { v.offers = [SCRIPT]; }));

// Refused by validate(), each with the path of the field.
cadd('c030-format-version-2.json', 'format version 2', 'format_version', 'is not supported', cedit((v) => { v.format_version = 2; }));
cadd('c031-id-spaces.json', 'an id with capitals and a space', 'id', 'lowercase letters', cedit((v) => { v.id = 'HCM Q3'; }));
cadd('c032-id-script.json', 'a script tag as the id', 'id', 'lowercase letters', cedit((v) => { v.id = SCRIPT; }));
cadd('c033-name-en-blank.json', 'a blank English name', 'name', 'must be filled in', cedit((v) => { v.name.en = '  '; }));
cadd('c034-document-title-blank.json', 'a blank document title', 'document.title', 'must be filled in', cedit((v) => { v.document.title.vi = ''; }));
cadd('c035-period-end-before-start.json', 'the campaign ends before it starts', 'period', 'ends before it starts', cedit((v) => { v.period = { start: '2023-11-05', end: '2023-06-20' }; }));
cadd('c036-duplicate-office-id.json', 'two offices with the same id', 'offices[1].id', 'used twice', cedit((v) => { v.offices[1].id = 'district-team'; }));
cadd('c037-duplicate-unit-id.json', 'two units with the same id', 'units[1].id', 'used twice', cedit((v) => { v.units[1].id = 'district-team'; }));
cadd('c038-duplicate-indicator-id.json', 'two indicators with the same id', 'indicators[1].id', 'used twice', cedit((v) => { v.indicators[1].id = 'applications'; }));
cadd('c039-no-indicators.json', 'an empty list of indicators', 'indicators', 'at least one indicator', cedit((v) => { v.indicators = []; }));
cadd('c040-indicator-id-html.json', 'an HTML tag as an indicator id', 'indicators[0].id', 'lowercase letters', cedit((v) => { v.indicators[0].id = IMG; }));
cadd('c041-unit-id-script.json', 'a script tag as a unit id', 'units[0].id', 'lowercase letters', cedit((v) => { v.units[0].id = SCRIPT; }));
cadd('c042-office-phone-letters.json', 'an office phone with letters and HTML', 'offices[0].phone', 'is not a phone number', cedit((v) => { v.offices[0].phone = 'call <b>0903 85 86 68</b>'; }));
cadd('c043-contact-phone-short.json', 'a contact phone of two digits', 'contacts[0].phone', 'is not a phone number', cedit((v) => { v.contacts[0].phone = '12'; }));
cadd('c044-contact-phone-script.json', 'a script tag as a contact phone', 'contacts[0].phone', 'is not a phone number', cedit((v) => { v.contacts[0].phone = SCRIPT; }));
cadd('c045-url-http.json', 'an http:// (not https) office URL', 'offices[2].url', 'must start with https://', cedit((v) => { v.offices[2].url = 'http://dichvucong.gov.vn'; }));
cadd('c046-url-javascript.json', 'a javascript: office URL', 'offices[2].url', 'must start with https://', cedit((v) => { v.offices[2].url = 'javascript:alert(1)'; }));
cadd('c047-opening-hours-7h30.json', 'opening hours written 7h30-11h30', 'offices[0].opening_hours', 'is not a time of day', cedit((v) => { v.offices[0].opening_hours = 'Mo-Fr 7h30-11h30'; }));
cadd('c048-opening-hours-script.json', 'a script tag as opening hours', 'offices[0].opening_hours', '', cedit((v) => { v.offices[0].opening_hours = SCRIPT; }));
cadd('c049-opening-hours-backwards.json', 'a session that ends before it starts', 'offices[0].opening_hours', 'ends before it starts', cedit((v) => { v.offices[0].opening_hours = 'Mo-Fr 17:00-07:30'; }));
cadd('c050-opening-hours-weekday.json', 'English weekday names (Mon-Fri)', 'offices[0].opening_hours', 'unknown weekday', cedit((v) => { v.offices[0].opening_hours = 'Mon-Fri 07:30-11:30'; }));
cadd('c051-opening-hours-hour-25.json', 'a session until 25:00', 'offices[1].opening_hours', 'is not a time of day', cedit((v) => { v.offices[1].opening_hours = 'Mo-Su 18:00-25:00'; }));
cadd('c052-opening-hours-empty.json', 'empty opening hours', 'offices[0].opening_hours', 'no rule given', cedit((v) => { v.offices[0].opening_hours = ''; }));
cadd('c053-office-count-zero.json', 'an office standing for 0 offices', 'offices[1].count', 'at least 1', cedit((v) => { v.offices[1].count = 0; }));
cadd('c054-visit-unknown-office.json', 'a visit by an office that does not exist', 'visits[0].office', 'unknown office', cedit((v) => { v.visits = [visit({ office: 'nobody' })]; }));
cadd('c055-visit-hours-bad.json', 'a visit at 8h-11h', 'visits[0].hours', 'is not a time', cedit((v) => { v.visits = [visit({ hours: '8h-11h' })]; }));
cadd('c056-special-day-twice.json', 'the same special day twice', 'offices[1].special_days[1].date', 'listed twice', cedit((v) => { v.offices[1].special_days = [special('2023-09-02', 'off'), special('2023-09-02', '07:30-11:30')]; }));
cadd('c057-special-day-hours-bad.json', 'special-day hours "closed all day"', 'offices[1].special_days[0].hours', '(or "off")', cedit((v) => { v.offices[1].special_days = [special('2023-09-02', 'closed all day')]; }));
cadd('c058-phase-end-before-start.json', 'a phase that ends before it starts', 'phases[0].period', 'ends before it starts', cedit((v) => { v.phases = phases({ start: '2023-07-10', end: '2023-07-01' }); }));
cadd('c059-phase-outside-period.json', 'a phase after the campaign', 'phases[0].period', 'outside the campaign period', cedit((v) => { v.phases = phases({ start: '2023-12-01', end: '2023-12-31' }); }));
cadd('c060-phases-overlap.json', 'two overlapping phases', 'phases[1].period', 'without overlap', cedit((v) => { v.phases = phases({ start: '2023-06-20', end: '2023-08-31' }, { start: '2023-08-01', end: '2023-11-05' }); }));
cadd('c061-target-unknown-indicator.json', 'a target of an unknown indicator', 'targets[0].indicator', 'unknown indicator', cedit((v) => { v.targets = [target({ indicator: 'installs' })]; }));
cadd('c062-target-unknown-unit.json', 'a target for an unknown unit', 'targets[0].unit', 'unknown unit', cedit((v) => { v.targets = [target({ unit: 'ward-99' })]; }));
cadd('c063-target-unknown-phase.json', 'a target for an unknown phase', 'targets[0].phase', 'unknown phase', cedit((v) => { v.targets = [target({ phase: 'phase-9' })]; }));
cadd('c064-target-no-count.json', 'a target with neither count nor percent', 'targets[0]', 'give a "count" or a "percent"', cedit((v) => { v.targets = [target({ count: undefined })]; }));
cadd('c065-target-percent-zero.json', 'a target of 0 %', 'targets[0].percent', 'from 1 to 100', cedit((v) => { v.targets = [target({ count: undefined, percent: 0 })]; }));
cadd('c066-target-above-population.json', 'a target count above its population', 'targets[0].count', 'larger than the population', cedit((v) => { v.targets = [target({ count: 5000, population: 4000 })]; }));
cadd('c067-two-problems.json', 'an http URL and a bad phone: both reported', 'offices[2].url, contacts[0].phone', '', cedit((v) => { v.offices[2].url = 'http://x.vn'; v.contacts[0].phone = 'n/a'; }));

// ---------------------------------------------------------------------------
const md = (s) => s.replace(/\|/g, '\\|');
const code = (s) => (s.includes('`') ? `\`\` ${s} \`\`` : `\`${s}\``);
const row = (c) => `| ${code(c.file)} | ${md(c.what)} | ${c.place === '' ? '(whole file)' : code(md(c.place))} | ${code(md(c.problem))} | ${c.detail ? code(md(c.detail)) : ''} |`;

function main() {
  const names = new Set();
  for (const c of cases) {
    if (names.has(c.file)) throw new Error(`duplicate file name ${c.file}`);
    names.add(c.file);
  }
  mkdirSync(out, { recursive: true });
  for (const f of readdirSync(out)) if (f.endsWith('.json')) rmSync(join(out, f));
  writeFileSync(join(here, 'base-valid.json'), BASE_TEXT);
  for (const c of cases) writeFileSync(join(out, c.file), c.contents);
  const header = '| File | What is wrong | Expected place | Expected problem | Message contains |\n|---|---|---|---|---|';
  const readme = `# Hostile import files

Every file here is an export for campaign \`hcm-q3-2023\` that staff mode must
**refuse**, naming the file and the place in it, while the stored data stays
byte-for-byte the same. Each one is [\`../base-valid.json\`](../base-valid.json) (a
realistic, valid export: 2 added units, 2 targets, 15 entries, 1 audit record)
with one thing wrong. A byte-order mark in front of a *valid* file is accepted
on purpose, so the BOM cases here are a BOM followed by garbage, a lone BOM, or
UTF-16 text.

Written by \`node tests/hostile/generate.mjs\` (deterministic; edit the script,
not the files). Checked by:

- \`cargo test --test hostile\` (tests/hostile.rs): \`parse_export\` refuses every
  file with the file's name, the place and the problem below, the import
  preview stays empty and the ledger's \`digest()\` is unchanged. It reads this
  table, so a row here *is* the expectation.
- \`playwright test -c tests/e2e hostile\` (tests/e2e/hostile.spec.js): staff
  mode lists every file under "refused", shows no preview, and a SHA-256 of
  the whole IndexedDB database \`vneid-campaign-tally\` is the same before and
  after.

"Place" is \`ImportError.place\` (\`(whole file)\` when empty; \`.\` is the
top-level object); "problem" is the \`Problem\` variant, or its exact Debug form
when it has one fixed value; "message contains" is text of the \`Invalid\`
message shown to staff.

## Files in this folder (${cases.length})

${header}
${cases.map(row).join('\n')}

## Made at test time (not committed)

These are too large to commit. Both tests build them from
\`base-valid.json\` the same way: tests/hostile.rs in memory,
tests/e2e/hostile.spec.js into a temporary folder it removes afterwards
(Playwright caps \`setInputFiles\` buffers at 50 MiB, so it passes paths).

${header}
${GENERATED.map(row).join('\n')}
`;
  writeFileSync(join(out, 'README.md'), readme);
  console.log(`${cases.length} files in ${out}`);

  const cnames = new Set();
  for (const c of campaignCases) {
    if (cnames.has(c.file)) throw new Error(`duplicate file name ${c.file}`);
    cnames.add(c.file);
  }
  mkdirSync(campaignsOut, { recursive: true });
  for (const f of readdirSync(campaignsOut)) if (f.endsWith('.json')) rmSync(join(campaignsOut, f));
  for (const c of campaignCases) writeFileSync(join(campaignsOut, c.file), c.contents);
  const crow = (c) => `| ${code(c.file)} | ${md(c.what)} | ${code(md(c.path))} | ${c.detail ? code(md(c.detail)) : ''} |`;
  const creadme = `# Bad campaign files

Campaign files that \`Campaign::from_json\` (src/domain/campaign.rs) must
refuse. Each one is \`public/campaigns/hcm-q3-2023.json\` with one thing wrong
(\`c067\` has two). Written by \`node tests/hostile/generate.mjs\`; checked by
\`cargo test --test hostile\`, which reads this table.

"Expected path" is the \`CampaignError.path\` that \`validate()\` reports (all of
them, comma-separated, when there are several). When serde refuses the file
before \`validate()\` runs, the path is only \`line L, column C\`: the table then
says \`line of "key"\` (line L of the file must hold that key) or \`line/column\`
(no key applies: empty, not JSON, missing field).

## Files in this folder (${campaignCases.length})

| File | What is wrong | Expected path | Message contains |
|---|---|---|---|
${campaignCases.map(crow).join('\n')}
`;
  writeFileSync(join(campaignsOut, 'README.md'), creadme);
  console.log(`${campaignCases.length} files in ${campaignsOut}`);
}

main();
