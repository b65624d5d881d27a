declare module 'seedrandom/lib/alea' {
  import type { RngState } from './state';
  interface AleaPrng {
    (): number;
    state(): RngState;
  }
  export default function alea(seed: string, options: { state: RngState | true }): AleaPrng;
}
