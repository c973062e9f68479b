/**
 * Transcendental functions that give the same double in every JavaScript engine: pure-JavaScript ports of
 * fdlibm (NOTICE.md), each within 1 ulp of the true value. The engine uses these instead of Math.sin, cos, exp,
 * log, asin and pow, whose last bit differs between V8 builds (Chromium's and Node's), so that one scenario and
 * seed give the same report, bit for bit, in the browser and on the command line. Math.sqrt, abs, floor, round,
 * min and max are exact by IEEE 754 and stay. The lint (`npm run lint`) refuses the others in engine/.
 */
export { asin } from './asin.ts';
export { exp } from './exp.ts';
export { log } from './log.ts';
export { cos, sin } from './trig.ts';
