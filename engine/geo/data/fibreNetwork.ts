/**
 * A coarse, hand-curated graph of the world's long-haul fibre: the hubs where cloud backbones meet, the
 * landing stations of the submarine cables between them, and the terrestrial and submarine systems that join
 * them. Coordinates are city centres or landing stations to about 0.1 degrees (10 km); see
 * docs/latency-model.md for what the graph is for and how it is used.
 *
 * Principles:
 * - A hub is a place where backbones switch traffic (an exchange, a metro with data centres). Places attach to
 *   hubs, and paths may change system at a hub.
 * - A landing station is where a cable comes ashore without being switched there (Bude, Virginia Beach): a
 *   path along the cable passes it by, or leaves the cable there for the landing's backhaul hub (Bude to
 *   London), but cannot jump from one cable to another at the beach, nor through a detour up the backhaul and
 *   straight back down it (fibreGraph.ts cheapestHubRoutes).
 * - A waypoint is geometry only (a strait, a cape): it bends a cable's route.
 * - A system is one real cable or terrestrial route, or a bundle of parallel ones along the same corridor. Its
 *   `path` is a chain of hubs, landing stations and waypoints; its length between two stops is the sum of the
 *   great-circle legs through the waypoints between. Every two stops of a system are joined by one edge: a system
 *   is one optical path, not switched at the stops it passes (fibreGraph.ts).
 * - The graph is of the routes cloud backbones carry inter-region traffic on, which is a subset of the world's
 *   cables. Where a cable exists but the measurements show the clouds do not route over it, it is left out and
 *   the omission noted below (search for "Left out").
 */

/** A hub: a place where backbones meet and traffic is switched. */
export interface FibreHub {
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
}

/** A bend in a cable's route (a strait, a cape): geometry only, no switching. */
export interface CableWaypoint {
  readonly lat: number;
  readonly lon: number;
}

/** A landing station: cables come ashore here and continue over `backhaul` to the listed hubs. */
export interface LandingStation {
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  readonly backhaul: readonly string[];
  /** The kind of the backhaul: `land` unless it crosses water (Crete to Athens). */
  readonly backhaulKind: FibreKind;
}

/** `land`: terrestrial fibre along roads, rail and pipelines; `sea`: a submarine cable system. */
export type FibreKind = 'land' | 'sea';

/** One real system (or a bundle of parallel ones): a chain of hub ids, with waypoint ids between them. */
export interface FibreSystem {
  readonly kind: FibreKind;
  /** The real systems this chain stands for. */
  readonly note: string;
  readonly path: readonly string[];
}

export const FIBRE_HUBS: Readonly<Record<string, FibreHub>> = {
  // North America
  ashburn: { name: 'Ashburn', lat: 39.04, lon: -77.49 },
  newYork: { name: 'New York', lat: 40.71, lon: -74.01 },
  boston: { name: 'Boston', lat: 42.36, lon: -71.06 },
  charlotte: { name: 'Charlotte', lat: 35.23, lon: -80.84 },
  atlanta: { name: 'Atlanta', lat: 33.75, lon: -84.39 },
  jacksonville: { name: 'Jacksonville', lat: 30.33, lon: -81.66 },
  miami: { name: 'Miami', lat: 25.76, lon: -80.19 },
  columbus: { name: 'Columbus', lat: 39.96, lon: -83.0 },
  chicago: { name: 'Chicago', lat: 41.88, lon: -87.63 },
  minneapolis: { name: 'Minneapolis', lat: 44.98, lon: -93.27 },
  omaha: { name: 'Omaha', lat: 41.26, lon: -95.94 },
  kansasCity: { name: 'Kansas City', lat: 39.1, lon: -94.58 },
  dallas: { name: 'Dallas', lat: 32.78, lon: -96.8 },
  houston: { name: 'Houston', lat: 29.76, lon: -95.37 },
  sanAntonio: { name: 'San Antonio', lat: 29.42, lon: -98.49 },
  denver: { name: 'Denver', lat: 39.74, lon: -104.99 },
  saltLakeCity: { name: 'Salt Lake City', lat: 40.76, lon: -111.89 },
  elPaso: { name: 'El Paso', lat: 31.76, lon: -106.49 },
  phoenix: { name: 'Phoenix', lat: 33.45, lon: -112.07 },
  lasVegas: { name: 'Las Vegas', lat: 36.17, lon: -115.14 },
  losAngeles: { name: 'Los Angeles', lat: 34.05, lon: -118.24 },
  sanJose: { name: 'San Jose', lat: 37.34, lon: -121.89 },
  portland: { name: 'Portland', lat: 45.52, lon: -122.68 },
  seattle: { name: 'Seattle', lat: 47.61, lon: -122.33 },
  vancouver: { name: 'Vancouver', lat: 49.28, lon: -123.12 },
  calgary: { name: 'Calgary', lat: 51.05, lon: -114.07 },
  winnipeg: { name: 'Winnipeg', lat: 49.9, lon: -97.14 },
  toronto: { name: 'Toronto', lat: 43.65, lon: -79.38 },
  montreal: { name: 'Montreal', lat: 45.5, lon: -73.57 },
  halifax: { name: 'Halifax', lat: 44.65, lon: -63.57 },
  monterrey: { name: 'Monterrey', lat: 25.69, lon: -100.32 },
  queretaro: { name: 'Querétaro', lat: 20.59, lon: -100.39 },
  mexicoCity: { name: 'Mexico City', lat: 19.43, lon: -99.13 },
  // Central and South America
  panama: { name: 'Panama City', lat: 8.98, lon: -79.52 },
  barranquilla: { name: 'Barranquilla', lat: 10.96, lon: -74.8 },
  bogota: { name: 'Bogotá', lat: 4.71, lon: -74.07 },
  sanJuan: { name: 'San Juan', lat: 18.47, lon: -66.11 },
  fortaleza: { name: 'Fortaleza', lat: -3.73, lon: -38.52 },
  rio: { name: 'Rio de Janeiro', lat: -22.91, lon: -43.17 },
  saoPaulo: { name: 'São Paulo', lat: -23.55, lon: -46.63 },
  buenosAires: { name: 'Buenos Aires', lat: -34.6, lon: -58.38 },
  santiago: { name: 'Santiago', lat: -33.45, lon: -70.67 },
  lima: { name: 'Lima', lat: -12.05, lon: -77.04 },
  // Europe
  london: { name: 'London', lat: 51.51, lon: -0.13 },
  dublin: { name: 'Dublin', lat: 53.35, lon: -6.26 },
  amsterdam: { name: 'Amsterdam', lat: 52.37, lon: 4.9 },
  brussels: { name: 'Brussels', lat: 50.85, lon: 4.35 },
  paris: { name: 'Paris', lat: 48.86, lon: 2.35 },
  bordeaux: { name: 'Bordeaux', lat: 44.84, lon: -0.58 },
  lyon: { name: 'Lyon', lat: 45.76, lon: 4.84 },
  marseille: { name: 'Marseille', lat: 43.3, lon: 5.37 },
  frankfurt: { name: 'Frankfurt', lat: 50.11, lon: 8.68 },
  hamburg: { name: 'Hamburg', lat: 53.55, lon: 9.99 },
  berlin: { name: 'Berlin', lat: 52.52, lon: 13.4 },
  copenhagen: { name: 'Copenhagen', lat: 55.68, lon: 12.57 },
  oslo: { name: 'Oslo', lat: 59.91, lon: 10.75 },
  stockholm: { name: 'Stockholm', lat: 59.33, lon: 18.07 },
  helsinki: { name: 'Helsinki', lat: 60.17, lon: 24.94 },
  warsaw: { name: 'Warsaw', lat: 52.23, lon: 21.01 },
  moscow: { name: 'Moscow', lat: 55.76, lon: 37.62 },
  munich: { name: 'Munich', lat: 48.14, lon: 11.58 },
  vienna: { name: 'Vienna', lat: 48.21, lon: 16.37 },
  budapest: { name: 'Budapest', lat: 47.5, lon: 19.04 },
  bucharest: { name: 'Bucharest', lat: 44.43, lon: 26.1 },
  sofia: { name: 'Sofia', lat: 42.7, lon: 23.32 },
  istanbul: { name: 'Istanbul', lat: 41.01, lon: 28.98 },
  athens: { name: 'Athens', lat: 37.98, lon: 23.73 },
  zurich: { name: 'Zurich', lat: 47.38, lon: 8.54 },
  milan: { name: 'Milan', lat: 45.46, lon: 9.19 },
  rome: { name: 'Rome', lat: 41.9, lon: 12.5 },
  bari: { name: 'Bari', lat: 41.12, lon: 16.87 },
  madrid: { name: 'Madrid', lat: 40.42, lon: -3.7 },
  zaragoza: { name: 'Zaragoza', lat: 41.65, lon: -0.88 },
  barcelona: { name: 'Barcelona', lat: 41.39, lon: 2.17 },
  lisbon: { name: 'Lisbon', lat: 38.72, lon: -9.14 },
  // Middle East
  telAviv: { name: 'Tel Aviv', lat: 32.09, lon: 34.78 },
  cairo: { name: 'Cairo', lat: 30.04, lon: 31.24 },
  jeddah: { name: 'Jeddah', lat: 21.49, lon: 39.19 },
  riyadh: { name: 'Riyadh', lat: 24.71, lon: 46.68 },
  dammam: { name: 'Dammam', lat: 26.43, lon: 50.1 },
  bahrain: { name: 'Manama', lat: 26.23, lon: 50.59 },
  doha: { name: 'Doha', lat: 25.29, lon: 51.53 },
  abuDhabi: { name: 'Abu Dhabi', lat: 24.45, lon: 54.38 },
  dubai: { name: 'Dubai', lat: 25.2, lon: 55.27 },
  fujairah: { name: 'Fujairah', lat: 25.13, lon: 56.33 },
  muscat: { name: 'Muscat', lat: 23.59, lon: 58.41 },
  djibouti: { name: 'Djibouti', lat: 11.59, lon: 43.15 },
  // Africa
  nairobi: { name: 'Nairobi', lat: -1.29, lon: 36.82 },
  johannesburg: { name: 'Johannesburg', lat: -26.2, lon: 28.05 },
  capeTown: { name: 'Cape Town', lat: -33.92, lon: 18.42 },
  luanda: { name: 'Luanda', lat: -8.84, lon: 13.23 },
  lagos: { name: 'Lagos', lat: 6.52, lon: 3.38 },
  accra: { name: 'Accra', lat: 5.6, lon: -0.19 },
  dakar: { name: 'Dakar', lat: 14.72, lon: -17.47 },
  casablanca: { name: 'Casablanca', lat: 33.57, lon: -7.59 },
  // South Asia
  karachi: { name: 'Karachi', lat: 24.86, lon: 67.0 },
  lahore: { name: 'Lahore', lat: 31.55, lon: 74.34 },
  mumbai: { name: 'Mumbai', lat: 19.08, lon: 72.88 },
  ahmedabad: { name: 'Ahmedabad', lat: 23.02, lon: 72.57 },
  delhi: { name: 'Delhi', lat: 28.61, lon: 77.21 },
  hyderabad: { name: 'Hyderabad', lat: 17.39, lon: 78.49 },
  bangalore: { name: 'Bangalore', lat: 12.97, lon: 77.59 },
  chennai: { name: 'Chennai', lat: 13.08, lon: 80.27 },
  kolkata: { name: 'Kolkata', lat: 22.57, lon: 88.36 },
  colombo: { name: 'Colombo', lat: 6.93, lon: 79.85 },
  // East and Southeast Asia
  singapore: { name: 'Singapore', lat: 1.29, lon: 103.85 },
  kualaLumpur: { name: 'Kuala Lumpur', lat: 3.14, lon: 101.69 },
  bangkok: { name: 'Bangkok', lat: 13.76, lon: 100.5 },
  hoChiMinh: { name: 'Ho Chi Minh City', lat: 10.82, lon: 106.63 },
  jakarta: { name: 'Jakarta', lat: -6.21, lon: 106.85 },
  manila: { name: 'Manila', lat: 14.6, lon: 120.98 },
  hongKong: { name: 'Hong Kong', lat: 22.3, lon: 114.17 },
  guangzhou: { name: 'Guangzhou', lat: 23.13, lon: 113.26 },
  shanghai: { name: 'Shanghai', lat: 31.23, lon: 121.47 },
  beijing: { name: 'Beijing', lat: 39.9, lon: 116.4 },
  taipei: { name: 'Taipei', lat: 25.03, lon: 121.56 },
  seoul: { name: 'Seoul', lat: 37.57, lon: 126.98 },
  busan: { name: 'Busan', lat: 35.18, lon: 129.08 },
  fukuoka: { name: 'Fukuoka', lat: 33.59, lon: 130.4 },
  osaka: { name: 'Osaka', lat: 34.69, lon: 135.5 },
  tokyo: { name: 'Tokyo', lat: 35.68, lon: 139.69 },
  guam: { name: 'Guam', lat: 13.44, lon: 144.79 },
  // Oceania and the Pacific
  sydney: { name: 'Sydney', lat: -33.87, lon: 151.21 },
  canberra: { name: 'Canberra', lat: -35.28, lon: 149.13 },
  melbourne: { name: 'Melbourne', lat: -37.81, lon: 144.96 },
  adelaide: { name: 'Adelaide', lat: -34.93, lon: 138.6 },
  perth: { name: 'Perth', lat: -31.95, lon: 115.86 },
  brisbane: { name: 'Brisbane', lat: -27.47, lon: 153.03 },
  auckland: { name: 'Auckland', lat: -36.85, lon: 174.76 },
  suva: { name: 'Suva', lat: -18.14, lon: 178.44 },
  honolulu: { name: 'Honolulu', lat: 21.31, lon: -157.86 },
};

export const LANDING_STATIONS: Readonly<Record<string, LandingStation>> = {
  virginiaBeach: { name: 'Virginia Beach', lat: 36.85, lon: -75.98, backhaul: ['ashburn'], backhaulKind: 'land' },
  bude: { name: 'Bude', lat: 50.83, lon: -4.55, backhaul: ['london'], backhaulKind: 'land' },
  saintHilaire: { name: 'Saint-Hilaire-de-Riez', lat: 46.72, lon: -1.95, backhaul: ['paris'], backhaulKind: 'land' },
  esbjerg: { name: 'Blaabjerg', lat: 55.6, lon: 8.15, backhaul: ['hamburg', 'copenhagen'], backhaulKind: 'land' },
  bilbao: { name: 'Sopelana (Bilbao)', lat: 43.38, lon: -2.98, backhaul: ['madrid'], backhaulKind: 'land' },
  genoa: { name: 'Genoa', lat: 44.41, lon: 8.93, backhaul: ['milan'], backhaulKind: 'land' },
  chania: { name: 'Chania', lat: 35.51, lon: 24.02, backhaul: ['athens'], backhaulKind: 'sea' },
  // Sicily (Catania, Mazara, Palermo): a crossroads of Mediterranean cables, backhauled up Italy.
  catania: { name: 'Catania', lat: 37.5, lon: 15.09, backhaul: ['rome'], backhaulKind: 'land' },
  // The Egyptian crossing: cables land on the Mediterranean at Alexandria (Abu Talat) and on the Red Sea at
  // Zafarana/Suez, and cross by land through Cairo.
  alexandria: { name: 'Alexandria', lat: 31.2, lon: 29.92, backhaul: ['cairo'], backhaulKind: 'land' },
  suez: { name: 'Zafarana', lat: 29.1, lon: 32.65, backhaul: ['cairo'], backhaulKind: 'land' },
  mombasa: { name: 'Mombasa', lat: -4.04, lon: 39.67, backhaul: ['nairobi'], backhaulKind: 'land' },
};

export const CABLE_WAYPOINTS: Readonly<Record<string, CableWaypoint>> = {
  /** North entrance of the Strait of Malacca, off Aceh: cables from Singapore to the west turn here. */
  malaccaNorth: { lat: 6.0, lon: 95.5 },
  /** Off the Kerala coast: the route from Mumbai down India's west coast to Sri Lanka. */
  offKerala: { lat: 9.0, lon: 75.8 },
  /** Gulf of Aden, between Socotra and Yemen. */
  gulfOfAden: { lat: 12.8, lon: 48.5 },
  /** Ras al Hadd, the eastern tip of Oman: the route out of the Gulf of Oman towards Aden. */
  rasAlHadd: { lat: 22.6, lon: 60.0 },
  /** Off Cape Guardafui, the Horn of Africa. */
  guardafui: { lat: 12.0, lon: 52.0 },
  /** Off Mogadishu, along the Somali coast. */
  offSomalia: { lat: 2.0, lon: 46.5 },
  /** Off Cape Palmas (Liberia/Ivory Coast border): the West African coast turns north here. */
  capePalmas: { lat: 4.0, lon: -8.0 },
  /** Off Freetown, Sierra Leone. */
  offFreetown: { lat: 7.5, lon: -14.0 },
  /** Off Cape São Roque (Natal), the eastern tip of Brazil. */
  brazilBulge: { lat: -4.5, lon: -34.5 },
  /** Off Salvador, Bahia: the Brazilian coast runs south-west from here. */
  offSalvador: { lat: -13.5, lon: -37.5 },
  /** Off Cape Howe, the south-eastern corner of Australia. */
  capeHowe: { lat: -37.8, lon: 150.5 },
  /** South of Kangaroo Island, the Great Australian Bight. */
  greatBight: { lat: -36.5, lon: 136.5 },
  /** Off Cape Leeuwin, the south-western corner of Australia. */
  capeLeeuwin: { lat: -35.0, lon: 114.8 },
  /** Bab-el-Mandeb, the southern mouth of the Red Sea. */
  babElMandeb: { lat: 12.6, lon: 43.3 },
  /** Off Dakar, where the express cables pass Cape Verde. */
  offDakar: { lat: 14.5, lon: -18.5 },
  /** The Sunda Strait, between Java and Sumatra. */
  sundaStrait: { lat: -6.0, lon: 105.8 },
  /** The Strait of Hormuz, around the Musandam peninsula. */
  hormuz: { lat: 26.6, lon: 56.5 },
  /** The Strait of Gibraltar. */
  gibraltar: { lat: 35.95, lon: -5.6 },
};

const land = (note: string, ...path: string[]): FibreSystem => ({ kind: 'land', note, path });
const sea = (note: string, ...path: string[]): FibreSystem => ({ kind: 'sea', note, path });

export const FIBRE_SYSTEMS: readonly FibreSystem[] = [
  // ---------------------------------------------------------------- North America, terrestrial
  // The US long-haul backbones (Lumen, Zayo, AT&T, Verizon, the clouds' own dark fibre) follow the interstates
  // and the rail rights of way; each chain is one corridor, along which long-haul waves pass the cities
  // optically.
  land('US north-east corridor (I-95)', 'ashburn', 'newYork', 'boston'),
  land('Montreal to New York and Ashburn (I-87, I-95)', 'montreal', 'newYork', 'ashburn'),
  land('US south-east corridor (I-85, I-95)', 'ashburn', 'charlotte', 'atlanta', 'jacksonville', 'miami'),
  land('Atlanta to Miami (I-75)', 'atlanta', 'miami'),
  land('Ashburn to Columbus and Chicago (I-70, I-80)', 'ashburn', 'columbus', 'chicago'),
  land('New York to Chicago (I-80)', 'newYork', 'chicago'),
  land('Chicago to Columbus and Atlanta (I-65, I-75)', 'chicago', 'columbus', 'atlanta'),
  land('Northern transcontinental (I-90, I-94)', 'chicago', 'minneapolis', 'seattle'),
  land('Central transcontinental (I-80)', 'chicago', 'omaha', 'denver', 'saltLakeCity', 'sanJose'),
  land('Kansas City corridor (I-70)', 'chicago', 'kansasCity', 'denver'),
  land('Minneapolis to Omaha, Kansas City and Dallas (I-35, I-29)', 'minneapolis', 'omaha', 'kansasCity', 'dallas'),
  land('Southern transcontinental (I-10, I-20)', 'atlanta', 'dallas', 'elPaso', 'phoenix', 'losAngeles'),
  land('Gulf coast (I-10)', 'jacksonville', 'houston', 'dallas'),
  land('Denver to Dallas', 'denver', 'dallas'),
  land('Salt Lake City to Las Vegas and Los Angeles (I-15)', 'saltLakeCity', 'lasVegas', 'losAngeles'),
  land('Phoenix to Las Vegas', 'phoenix', 'lasVegas'),
  land('Pacific coast (I-5)', 'losAngeles', 'sanJose', 'portland', 'seattle', 'vancouver'),
  land('Portland to Salt Lake City (I-84)', 'portland', 'saltLakeCity'),
  // Canada: the transcontinental routes (Bell, Telus, Rogers) and the cross-border links.
  land('Canadian transcontinental', 'vancouver', 'calgary', 'winnipeg', 'toronto', 'montreal', 'halifax'),
  land('Calgary south to Salt Lake City (via Montana, I-15)', 'calgary', 'saltLakeCity'),
  land('Winnipeg to Minneapolis', 'winnipeg', 'minneapolis'),
  land('Toronto to Chicago (via Detroit) and New York (via Buffalo)', 'chicago', 'toronto', 'newYork'),
  land('Montreal to Boston', 'montreal', 'boston'),
  land('Halifax to Boston', 'halifax', 'boston'),
  // Mexico and Colombia.
  land('Mexico City to the US border at Laredo, and up I-35', 'mexicoCity', 'queretaro', 'monterrey', 'sanAntonio', 'dallas'),
  land('Texas (I-10): Houston, San Antonio, El Paso', 'houston', 'sanAntonio', 'elPaso'),
  land('Monterrey to Houston', 'monterrey', 'houston'),
  land('Colombia: the Caribbean landings to Bogotá', 'barranquilla', 'bogota'),
  // Left out: the Central American terrestrial backbone (REDCA, Mexico to Panama): AWS routes Mexico City to
  // São Paulo through the US (170 ms, as Ashburn + 115).

  // ---------------------------------------------------------------- The Americas, submarine
  sea('ARCOS, MAYA-1: Florida to Colombia and Panama', 'miami', 'barranquilla', 'panama'),
  sea('PCCS: Florida to Puerto Rico, Colombia and Panama', 'jacksonville', 'sanJuan', 'barranquilla', 'panama'),
  sea('SAm-1 (Atlantic): Florida, Puerto Rico, Fortaleza, Rio, Santos, Las Toninas', 'miami', 'sanJuan', 'fortaleza', 'brazilBulge', 'offSalvador', 'rio', 'saoPaulo', 'buenosAires'),
  sea('SAm-1 (Pacific), PAN-AM, Mistral: Valparaíso, Lima, Panama', 'santiago', 'lima', 'panama'),
  sea('BRUSA: Rio and Fortaleza to San Juan and Virginia Beach', 'rio', 'offSalvador', 'brazilBulge', 'fortaleza', 'sanJuan', 'virginiaBeach'),
  sea('Monet: Santos and Fortaleza to Boca Raton', 'saoPaulo', 'rio', 'offSalvador', 'brazilBulge', 'fortaleza', 'miami'),
  sea('GlobeNet: Rio and Fortaleza to Tuckerton NJ', 'rio', 'offSalvador', 'brazilBulge', 'fortaleza', 'newYork'),
  sea('GlobeNet: Fortaleza to Boca Raton', 'fortaleza', 'miami'),
  sea('Seabras-1: Praia Grande to Wall NJ, around the Brazilian bulge', 'saoPaulo', 'offSalvador', 'brazilBulge', 'newYork'),
  sea('Curie: Valparaíso to Panama and El Segundo', 'santiago', 'panama', 'losAngeles'),
  land('Rio de Janeiro to São Paulo', 'rio', 'saoPaulo'),
  land('São Paulo to Buenos Aires (terrestrial, via Porto Alegre)', 'saoPaulo', 'buenosAires'),
  land('Buenos Aires to Santiago across the Andes', 'buenosAires', 'santiago'),
  // Left out: EllaLink (Fortaleza to Sines, 2021) and SACS/SAIL (Brazil to Angola/Cameroon). The AWS matrix
  // routes São Paulo to Europe through the US (sa-east-1 to eu-south-2 is 220 ms, as Ashburn + the Atlantic)
  // and to Cape Town through the US and Europe (338 ms).

  // ---------------------------------------------------------------- The Atlantic
  sea('AC-1, Apollo, Yellow (AC-2), Grace Hopper: New York area to Bude', 'newYork', 'bude'),
  sea('AEConnect: Shirley NY to Killala, Ireland', 'newYork', 'dublin'),
  sea('Amitié: Lynn MA to Bude and Le Porge (Bordeaux)', 'boston', 'bude'),
  sea('Amitié: Lynn MA to Le Porge', 'boston', 'bordeaux'),
  sea('GTT Express (Hibernia): Halifax to Brean and Cork', 'halifax', 'bude'),
  sea('MAREA: Virginia Beach to Sopelana (Bilbao)', 'virginiaBeach', 'bilbao'),
  sea('Dunant: Virginia Beach to Saint-Hilaire-de-Riez', 'virginiaBeach', 'saintHilaire'),
  sea('Grace Hopper: New York to Bilbao', 'newYork', 'bilbao'),
  sea('Havfrue (AEC-2): New Jersey to Blaabjerg, Denmark', 'newYork', 'esbjerg'),

  // ---------------------------------------------------------------- Europe, terrestrial and short sea
  sea('Irish Sea systems: Dublin to Britain', 'dublin', 'london'),
  land('London to Paris (Channel Tunnel, Channel cables)', 'london', 'paris'),
  sea('North Sea systems: London to Amsterdam (Concerto, Circe North)', 'london', 'amsterdam'),
  land('London to Brussels and Frankfurt', 'london', 'brussels', 'frankfurt'),
  land('Benelux: Amsterdam, Brussels, Paris', 'amsterdam', 'brussels', 'paris'),
  land('Amsterdam to Frankfurt', 'amsterdam', 'frankfurt'),
  land('Amsterdam to Hamburg', 'amsterdam', 'hamburg'),
  land('Paris to Frankfurt', 'paris', 'frankfurt'),
  land('Paris to Lyon and Marseille (Rhône valley)', 'paris', 'lyon', 'marseille'),
  land('Paris to Zurich via Basel', 'paris', 'zurich'),
  land('Lyon to Zurich via Geneva', 'lyon', 'zurich'),
  land('Lyon to Milan via Turin (Fréjus)', 'lyon', 'milan'),
  land('Paris to Bordeaux, Bordeaux to Madrid via Bilbao', 'paris', 'bordeaux', 'madrid'),
  land('Spain: Madrid to Lisbon', 'madrid', 'lisbon'),
  land('Madrid to Zaragoza, Barcelona and Marseille', 'madrid', 'zaragoza', 'barcelona', 'marseille'),
  land('Zaragoza to Bordeaux (via Pamplona)', 'zaragoza', 'bordeaux'),
  land('Marseille to Milan via Genoa', 'marseille', 'milan'),
  land('Frankfurt to Zurich and Milan (Basel, Gotthard)', 'frankfurt', 'zurich', 'milan'),
  land('Frankfurt to Munich', 'frankfurt', 'munich'),
  land('Munich to Zurich', 'munich', 'zurich'),
  land('Munich to Vienna and Budapest', 'munich', 'vienna', 'budapest'),
  land('Munich to Milan (Brenner)', 'munich', 'milan'),
  land('Frankfurt to Berlin and Warsaw', 'frankfurt', 'berlin', 'warsaw'),
  land('Hamburg to Berlin', 'berlin', 'hamburg'),
  land('Nordic backbone: Frankfurt, Hamburg, Copenhagen, Stockholm', 'frankfurt', 'hamburg', 'copenhagen', 'stockholm'),
  land('Scandinavia: Copenhagen, Oslo, Stockholm', 'copenhagen', 'oslo', 'stockholm'),
  sea('Baltic: Stockholm to Helsinki (Sweden-Finland systems)', 'stockholm', 'helsinki'),
  sea('C-Lion1: Helsinki to Rostock (Berlin)', 'helsinki', 'berlin'),
  land('Helsinki to Warsaw via the Baltic states', 'helsinki', 'warsaw'),
  land('Vienna to Warsaw', 'vienna', 'warsaw'),
  land('Moscow to Helsinki and Warsaw', 'helsinki', 'moscow', 'warsaw'),
  land('South-east Europe: Vienna, Budapest, Bucharest, Istanbul', 'vienna', 'budapest', 'bucharest', 'istanbul'),
  land('Bucharest to Sofia and Athens', 'bucharest', 'sofia', 'athens'),
  land('Istanbul to Sofia', 'istanbul', 'sofia'),
  land('Italy: Milan to Rome and Bari', 'milan', 'rome', 'bari'),
  sea('Morocco to Spain (Gibraltar crossings)', 'casablanca', 'gibraltar', 'madrid'),
  sea('Morocco to Lisbon', 'casablanca', 'lisbon'),
  sea('Atlas Offshore: Morocco to Marseille', 'casablanca', 'gibraltar', 'marseille'),

  // ---------------------------------------------------------------- Europe to Asia, through Egypt
  // The trunk systems from Marseille and Sicily through the Mediterranean, across Egypt (Alexandria to
  // Zafarana, by land through Cairo), down the Red Sea and across the Indian Ocean. Each is one chain: a path
  // along it is not switched at the landings it passes.
  sea('SEA-ME-WE 4: Marseille to Singapore via Sicily, Egypt, Jeddah, the Gulf of Oman, Mumbai, Colombo, Chennai',
    'marseille', 'catania', 'alexandria', 'suez', 'jeddah', 'babElMandeb', 'gulfOfAden', 'rasAlHadd', 'fujairah', 'mumbai', 'offKerala', 'colombo', 'chennai', 'malaccaNorth', 'singapore'),
  sea('SEA-ME-WE 5: Marseille to Singapore via Sicily, Egypt, Jeddah, Djibouti, Colombo',
    'marseille', 'catania', 'alexandria', 'suez', 'jeddah', 'djibouti', 'colombo', 'malaccaNorth', 'singapore'),
  sea('SEA-ME-WE 5 branches: Djibouti to Muscat and Karachi', 'djibouti', 'gulfOfAden', 'rasAlHadd', 'muscat', 'karachi'),
  sea('AAE-1: Bari, Crete, Egypt, Djibouti, Muscat, Mumbai, Singapore, Vietnam, Hong Kong',
    'bari', 'chania', 'alexandria', 'suez', 'jeddah', 'djibouti', 'gulfOfAden', 'rasAlHadd', 'muscat', 'mumbai', 'offKerala', 'malaccaNorth', 'singapore', 'hoChiMinh', 'hongKong'),
  sea('AAE-1: Egypt to Marseille', 'alexandria', 'marseille'),
  sea('IMEWE: Marseille, Sicily, Egypt, Jeddah, Fujairah, Mumbai', 'marseille', 'catania', 'alexandria', 'suez', 'jeddah', 'babElMandeb', 'gulfOfAden', 'rasAlHadd', 'fujairah', 'mumbai'),
  sea('SEA-ME-WE 4, IMEWE: the Karachi branches to Fujairah', 'karachi', 'fujairah'),
  // Left out: the Karachi-Mumbai stretch of SEA-ME-WE 4 and IMEWE. Both countries land on them, but traffic
  // between Pakistan and India is not handed over there; Karachi joins the trunks in the Gulf and at Djibouti.
  sea('PEACE: Marseille, Egypt, Djibouti, Karachi', 'marseille', 'alexandria', 'suez', 'djibouti', 'gulfOfAden', 'karachi'),
  sea('PEACE (Kenya branch), DARE1, EASSy, SEACOM (north): Mombasa to Djibouti', 'mombasa', 'offSomalia', 'guardafui', 'djibouti'),
  sea('2Africa (north): Egypt to Genoa', 'alexandria', 'genoa'),
  sea('Blue: Tel Aviv to Genoa', 'telAviv', 'genoa'),
  sea('MedNautilus, Tamares: Tel Aviv to Sicily', 'telAviv', 'catania'),
  // Left out: Israel to Cyprus and Greece as a transit path, Israel to Jordan and Egypt (the Blue-Raman land
  // crossing is new) and Jeddah-Amman-Istanbul (JADI). AWS routes Tel Aviv to Bahrain and Dubai through
  // western Europe (115 and 147 ms for 1,700-2,100 km).

  // ---------------------------------------------------------------- The Gulf
  land('Saudi Arabia: Jeddah to Riyadh and Dammam', 'jeddah', 'riyadh', 'dammam'),
  land('Saudi causeway to Bahrain', 'dammam', 'bahrain'),
  land('Saudi Arabia to Qatar (Salwa)', 'dammam', 'doha'),
  land('Saudi Arabia to the UAE (Batha)', 'riyadh', 'abuDhabi'),
  sea('Gulf systems (FALCON, TGN-Gulf, Qatar-UAE)', 'bahrain', 'doha', 'abuDhabi'),
  sea('FALCON, TGN-Gulf: Bahrain and Doha through the Strait of Hormuz to Fujairah', 'bahrain', 'doha', 'hormuz', 'fujairah'),
  land('UAE: Abu Dhabi, Dubai, Fujairah', 'abuDhabi', 'dubai', 'fujairah'),
  land('Fujairah to Muscat', 'fujairah', 'muscat'),
  sea('Mumbai to the Gulf (FALCON, MENA, TGN-Eurasia)', 'mumbai', 'fujairah'),
  sea('TEAMS: Mombasa to Fujairah', 'mombasa', 'offSomalia', 'guardafui', 'rasAlHadd', 'fujairah'),

  // ---------------------------------------------------------------- Africa, west coast
  land('South Africa: Cape Town to Johannesburg', 'capeTown', 'johannesburg'),
  sea('WACS: Yzerfontein, Angola, Nigeria, Ghana, Portugal, Highbridge (UK)', 'capeTown', 'luanda', 'lagos', 'accra', 'capePalmas', 'offFreetown', 'offDakar', 'lisbon', 'bude'),
  sea('SAT-3/WASC: Melkbosstrand, Angola, Nigeria, Ghana, Senegal, Portugal', 'capeTown', 'luanda', 'lagos', 'accra', 'capePalmas', 'offFreetown', 'dakar', 'lisbon'),
  sea('Equiano: Melkbosstrand, Namibia, Nigeria, Lisbon', 'capeTown', 'lagos', 'capePalmas', 'offFreetown', 'offDakar', 'lisbon'),
  sea('2Africa (west): Cape Town, Nigeria, Ghana, Senegal, Portugal, Bude', 'capeTown', 'lagos', 'accra', 'capePalmas', 'offFreetown', 'dakar', 'lisbon', 'bude'),
  sea('2Africa (Mediterranean): Portugal to Barcelona, Marseille and Genoa', 'lisbon', 'gibraltar', 'barcelona', 'marseille', 'genoa'),
  // Left out: South Africa to East Africa (EASSy, SEACOM, 2Africa south of Mombasa) and East Africa to India.
  // AWS routes Cape Town to Mumbai (272 ms), Dubai (287 ms) and Singapore (317 ms) through Europe.

  // ---------------------------------------------------------------- South Asia
  land('India: Delhi to Ahmedabad and Mumbai (NH48 corridor), Mumbai to Hyderabad', 'delhi', 'ahmedabad', 'mumbai', 'hyderabad'),
  land('Pakistan: Karachi to Lahore', 'karachi', 'lahore'),
  land('India: Delhi to Hyderabad and Chennai', 'delhi', 'hyderabad', 'chennai'),
  land('India: Mumbai to Bangalore and Chennai', 'mumbai', 'bangalore', 'chennai'),
  land('India: Hyderabad to Bangalore', 'hyderabad', 'bangalore'),
  land('India: Delhi to Kolkata (Grand Trunk Road) and down the east coast to Chennai', 'delhi', 'kolkata', 'chennai'),
  sea('Chennai to Singapore (i2i, TIC, BBG)', 'chennai', 'malaccaNorth', 'singapore'),

  // ---------------------------------------------------------------- East and Southeast Asia
  land('Malaysia: Singapore to Kuala Lumpur and Bangkok', 'singapore', 'kualaLumpur', 'bangkok'),
  // Left out: Thailand to Vietnam (AAE-1 from Songkhla): AWS routes Bangkok to Hong Kong through Singapore.
  sea('Singapore to Jakarta (B3J2, SEA-US feeders)', 'singapore', 'jakarta'),
  sea('APG: Singapore, Vietnam, Hong Kong, Taiwan, Shanghai, Busan, Tokyo', 'singapore', 'hoChiMinh', 'hongKong', 'taipei', 'shanghai', 'busan', 'tokyo'),
  sea('SJC, SJC2: Singapore, Hong Kong, Taiwan, Japan', 'singapore', 'hongKong', 'taipei', 'osaka', 'tokyo'),
  sea('APCN-2, EAC: Singapore, Manila, Hong Kong, Taiwan, Busan, Tokyo', 'singapore', 'manila', 'hongKong', 'busan', 'tokyo'),
  sea('TPE, APCN-2: Shanghai to Japan', 'shanghai', 'tokyo'),
  land('China: Hong Kong to Guangzhou, Shanghai and Beijing', 'hongKong', 'guangzhou', 'shanghai', 'beijing'),
  land('Korea: Seoul to Busan', 'seoul', 'busan'),
  sea('Korea-Japan (KJCN): Busan to Fukuoka', 'busan', 'fukuoka'),
  land('Japan: Fukuoka, Osaka, Tokyo', 'fukuoka', 'osaka', 'tokyo'),
  sea('JGA-N, JGA-S: Tokyo, Guam, Sydney', 'tokyo', 'guam', 'sydney'),
  sea('PPC-1, Coral Sea: Sydney and Brisbane to Guam', 'brisbane', 'guam'),
  sea('Echo, Bifrost: Singapore to Guam and California', 'singapore', 'guam', 'losAngeles'),

  // ---------------------------------------------------------------- The Pacific
  sea('AAG: Singapore, Vietnam, Hong Kong, Manila, Guam, Hawaii, California', 'singapore', 'hoChiMinh', 'hongKong', 'manila', 'guam', 'honolulu', 'losAngeles'),
  sea('SEA-US: Davao (here Manila), Guam, Hawaii, Los Angeles', 'manila', 'guam', 'honolulu', 'losAngeles'),
  sea('FASTER: Japan and Taiwan to Bandon, Oregon', 'taipei', 'tokyo', 'portland'),
  sea('NCP: Shanghai, Busan, Tokyo to Pacific City, Oregon', 'shanghai', 'busan', 'tokyo', 'portland'),
  sea('PC-1 (north): Japan to Harbour Pointe, Washington', 'tokyo', 'seattle'),
  sea('Unity, PC-1 (south): Japan to Los Angeles', 'tokyo', 'losAngeles'),
  sea('Jupiter: Shima and Maruyama, the Philippines, Los Angeles and Hillsboro', 'manila', 'osaka', 'tokyo', 'losAngeles'),
  sea('Jupiter: Japan to Hillsboro', 'tokyo', 'portland'),
  sea('Southern Cross: Sydney, Fiji, Hawaii, Morro Bay and Hillsboro', 'sydney', 'suva', 'honolulu', 'sanJose'),
  sea('Southern Cross: Hawaii to Hillsboro; Auckland to Hawaii', 'auckland', 'honolulu', 'portland'),
  sea('Hawaiki: Sydney, Auckland, Hawaii, Pacific City', 'sydney', 'auckland', 'honolulu', 'portland'),
  sea('Southern Cross NEXT: Sydney, Auckland, Fiji, Los Angeles', 'sydney', 'auckland', 'suva', 'losAngeles'),

  // ---------------------------------------------------------------- Oceania
  land('Australian east coast: Brisbane, Sydney, Melbourne (Hume corridor)', 'brisbane', 'sydney', 'melbourne'),
  land('Canberra to Sydney and Melbourne', 'sydney', 'canberra', 'melbourne'),
  land('Nullarbor: Melbourne to Adelaide and Perth', 'melbourne', 'adelaide', 'perth'),
  sea('Indigo (West and Central): Singapore, Perth, Sydney along the south coast', 'singapore', 'sundaStrait', 'perth', 'capeLeeuwin', 'greatBight', 'capeHowe', 'sydney'),
  sea('ASC: Perth to Singapore (through the Sunda Strait)', 'perth', 'sundaStrait', 'singapore'),
  sea('Tasman Global Access: Sydney to Auckland', 'sydney', 'auckland'),
  // Left out: the Indigo West branch from Jakarta to Perth: AWS routes Jakarta to Sydney and Melbourne through
  // Singapore (111 and 122 ms; Jakarta-Singapore 18 plus Singapore-Sydney 95).
];
