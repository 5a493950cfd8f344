// The page's lists — filing provinces, entity types, certificate types — built from the module's
// reference() (the baked tables of data/rules/*.toml), never copied here. Each list is of
// [value, Chinese label, English label], in the data's order; empty until the module is loaded.

/** English names of entity types are lower case in the data (they appear inside messages). */
const capitalise = (s) => (s ? s.charAt(0).toUpperCase() + s.slice(1) : s);

export const lists = {
  loaded: false,
  provinces: [],
  entityTypes: [],
  /** Every certificate type (the entity's select: organisations' and persons' documents). */
  entityCertTypes: [],
  /** The documents of a person (a principal's select). */
  personCertTypes: [],
};

/** Fills `lists` from `reference()` (see src/wasm/types.d.ts, `Reference`). */
export function setReference(reference) {
  lists.provinces = reference.provinces.map((p) => [p.code, p.name, p.en]);
  lists.entityTypes = reference.entityTypes.map((e) => [e.key, e.names[0], capitalise(e.en)]);
  const certs = reference.certificateTypes.map((c) => ({ item: [c.key, c.names[0], c.en], personal: c.personal }));
  lists.entityCertTypes = [...certs.filter((c) => !c.personal), ...certs.filter((c) => c.personal)].map((c) => c.item);
  lists.personCertTypes = certs.filter((c) => c.personal).map((c) => c.item);
  lists.loaded = true;
}
