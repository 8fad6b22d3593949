import { describe, expect, it } from 'vitest';
import { colourWanted, stripColour } from '../../src/ui/colour.js';

const E = '\u001b[';

describe('stripColour', () => {
  it.each([
    ['colour only: the sequence goes', `${E}36mcyan${E}39m`, 'cyan'],
    ['bold + colour: bold stays', `${E}1;31mred bold${E}22;39m`, `${E}1mred bold${E}22m`],
    ['256-colour and truecolour forms', `${E}38;5;202mA${E}48;2;10;20;30mB${E}4m`, `AB${E}4m`],
    ['colon sub-parameters', `${E}38:2::1:2:3;7mC`, `${E}7mC`],
    ['bright colours', `${E}91;102mD`, 'D'],
    ['reset kept', `${E}0mE${E}m`, `${E}0mE${E}m`],
    ['inverse and dim kept', `${E}7;2mF`, `${E}7;2mF`],
    ['other sequences untouched', `${E}2K${E}1A`, `${E}2K${E}1A`],
  ])('%s', (_name, input, output) => {
    expect(stripColour(input)).toBe(output);
  });
});

describe('colourWanted', () => {
  it.each<[NodeJS.ProcessEnv, boolean]>([
    [{}, true],
    [{ NO_COLOR: '1' }, false],
    [{ NO_COLOR: '' }, true], // the spec: present and not empty
    [{ NO_COLOR: '1', FORCE_COLOR: '1' }, true],
    [{ NO_COLOR: '1', FORCE_COLOR: '0' }, false],
  ])('%j → %s', (env, wanted) => {
    expect(colourWanted(env)).toBe(wanted);
  });
});
