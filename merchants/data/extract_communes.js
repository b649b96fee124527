#!/usr/bin/env node
// Regenerates communes_orne.json from the npm package @etalab/decoupage-administratif.
// Usage (from a folder outside the repo where the package is installed):
//   node /path/to/merchants/data/extract_communes.js [output.json]
// Default output: communes_orne.json next to this script.
'use strict';

const fs = require('fs');
const path = require('path');

// Resolve the package from the current working directory (where it was installed),
// falling back to the normal resolution from this script's location.
function load(file) {
  const id = `@etalab/decoupage-administratif/data/${file}`;
  return require(require.resolve(id, {paths: [process.cwd(), __dirname]}));
}

const DEPARTEMENT = '61';
const EXPECTED_COUNT = 381;

const communes = load('communes.json');
const epcis = load('epci.json');

// INSEE commune code -> EPCI (an EPCI lists its member communes in `membres`).
const epciByCommune = new Map();
for (const epci of epcis) {
  for (const membre of epci.membres || []) {
    if (epciByCommune.has(membre.code)) {
      throw new Error(`Commune ${membre.code} belongs to several EPCIs`);
    }
    epciByCommune.set(membre.code, epci);
  }
}

const records = communes
  .filter(c => c.type === 'commune-actuelle' && c.departement === DEPARTEMENT)
  .sort((a, b) => a.code.localeCompare(b.code))
  .map(c => {
    const epci = epciByCommune.get(c.code);
    return {
      insee_code: c.code,
      name: c.nom,
      postal_codes: c.codesPostaux || [],
      population: Number.isInteger(c.population) ? c.population : null,
      epci_code: epci ? epci.code : null,
      epci_name: epci ? epci.nom : null,
    };
  });

if (records.length !== EXPECTED_COUNT) {
  throw new Error(`Expected ${EXPECTED_COUNT} communes, got ${records.length}`);
}
const alencon = records.find(r => r.insee_code === '61001');
if (!alencon || alencon.name !== 'Alençon') {
  throw new Error('61001 is not Alençon');
}

const output = process.argv[2] || path.join(__dirname, 'communes_orne.json');
fs.writeFileSync(output, JSON.stringify(records, null, 1) + '\n', 'utf8');
console.log(`Wrote ${records.length} communes to ${output}`);
