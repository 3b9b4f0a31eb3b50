import { describe, expect, it } from 'vitest';
import type { Types } from '@cornerstonejs/core';
import { cpuDrawsRight, isSoftwareRenderer, rendererChoice } from '../../src/viewer/render-path';

type Drawn = Parameters<typeof cpuDrawsRight>[0];
const grey = (pixels: Types.PixelDataTypedArray, extra: Partial<Drawn> = {}): Drawn => ({
  color: false,
  numberOfComponents: 1,
  getPixelData: () => pixels,
  modalityLUT: undefined,
  voiLUT: undefined,
  voiLUTFunction: undefined as unknown as Drawn['voiLUTFunction'],
  colormap: undefined,
  ...extra,
});

describe('which images the CPU renderer may draw', () => {
  it('takes grey 8- and 16-bit integer pixels with a linear window', () => {
    for (const pixels of [new Uint8Array(4), new Int8Array(4), new Uint16Array(4), new Int16Array(4)]) {
      expect(cpuDrawsRight(grey(pixels)), pixels.constructor.name).toBe(true);
    }
    expect(cpuDrawsRight(grey(new Int16Array(4), { voiLUTFunction: 'LINEAR' as Drawn['voiLUTFunction'] }))).toBe(true);
  });

  it('leaves floating-point and 32-bit pixels, colour, LUT sequences and non-linear windows to WebGL', () => {
    expect(cpuDrawsRight(grey(new Float32Array(4)))).toBe(false);
    expect(cpuDrawsRight(grey(new Uint32Array(4)))).toBe(false);
    expect(cpuDrawsRight(grey(new Uint8Array(12), { color: true, numberOfComponents: 3 }))).toBe(false);
    expect(cpuDrawsRight(grey(new Uint16Array(4), { modalityLUT: { id: 'm' } as unknown as Drawn['modalityLUT'] }))).toBe(false);
    expect(cpuDrawsRight(grey(new Uint16Array(4), { voiLUT: { id: 'v' } as unknown as Drawn['voiLUT'] }))).toBe(false);
    expect(cpuDrawsRight(grey(new Uint16Array(4), { voiLUTFunction: 'SIGMOID' as Drawn['voiLUTFunction'] }))).toBe(false);
  });
});

describe('software WebGL', () => {
  it('knows the software rasterizers by their renderer names, and real GPUs are not among them', () => {
    expect(isSoftwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)')).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0)')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe(false);
    expect(isSoftwareRenderer('Apple M2')).toBe(false);
    expect(isSoftwareRenderer('Mesa Intel(R) UHD Graphics 620 (KBL GT2)')).toBe(false);
  });

  it('lets the page address force a renderer, and is automatic otherwise', () => {
    expect(rendererChoice('?renderer=webgl')).toBe('webgl');
    expect(rendererChoice('?imageCacheMB=64&renderer=cpu')).toBe('cpu');
    expect(rendererChoice('?renderer=<b>')).toBe('auto');
    expect(rendererChoice('')).toBe('auto');
  });
});
