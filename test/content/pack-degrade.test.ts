import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateQuestionDir } from '../../src/content/load-questions.js';
import { builtinQuestionsDir } from '../../src/content/paths.js';
import { questionFile } from '../helpers/question-file.js';
import { tempDir } from '../helpers/temp-dir.js';

const isRoot = process.getuid?.() === 0;

/** A pack with two good files around whatever `damage` adds. */
function packWith(damage: (dir: string) => void): string {
  const dir = tempDir('gcd-pack-');
  mkdirSync(join(dir, 'a'));
  writeFileSync(join(dir, 'a', 'good-1.md'), questionFile('good-1'));
  writeFileSync(join(dir, 'z-good-2.md'), questionFile('good-2'));
  damage(dir);
  return dir;
}

describe('a pack with one bad entry still loads the rest', () => {
  it.each<[string, (dir: string) => void, string, string]>([
    [
      'a symlink to nothing',
      (dir) => symlinkSync(join(dir, 'gone.md'), join(dir, 'b-dangling.md')),
      'b-dangling.md',
      'skipped: a symbolic link to nothing (its target does not exist)',
    ],
    [
      'a symlink loop between two files',
      (dir) => {
        symlinkSync(join(dir, 'b-loop-2.md'), join(dir, 'b-loop-1.md'));
        symlinkSync(join(dir, 'b-loop-1.md'), join(dir, 'b-loop-2.md'));
      },
      'b-loop-1.md',
      'skipped: a symbolic link loop',
    ],
    [
      'a directory linking back to its parent',
      (dir) => symlinkSync(dir, join(dir, 'a', 'back')),
      'a/back',
      'skipped: a symbolic link loop (it leads back to a directory already read)',
    ],
    [
      'a dangling directory-looking link',
      (dir) => symlinkSync('/no/such/dir', join(dir, 'b-nowhere')),
      'b-nowhere',
      'skipped: a symbolic link to nothing (its target does not exist)',
    ],
  ])('%s', (_name, damage, path, message) => {
    const dir = packWith(damage);
    const { questions, problems } = validateQuestionDir(dir, builtinQuestionsDir());
    expect(questions.map((q) => q.id).sort()).toEqual(['good-1', 'good-2']);
    expect(problems).toContainEqual({ path: join(dir, path), line: 0, field: '', message });
  });

  it('a symlinked file inside the pack is read through its link', () => {
    const elsewhere = tempDir();
    writeFileSync(join(elsewhere, 'linked.md'), questionFile('linked'));
    const dir = packWith((d) => symlinkSync(join(elsewhere, 'linked.md'), join(d, 'b-linked.md')));
    expect(
      validateQuestionDir(dir, builtinQuestionsDir())
        .questions.map((q) => q.id)
        .sort(),
    ).toEqual(['good-1', 'good-2', 'linked']);
  });

  it.skipIf(isRoot)('an unreadable file and an unreadable folder', () => {
    const dir = packWith((d) => {
      writeFileSync(join(d, 'b-secret.md'), questionFile('secret'));
      chmodSync(join(d, 'b-secret.md'), 0);
      mkdirSync(join(d, 'b-closed'));
      chmodSync(join(d, 'b-closed'), 0);
    });
    const { questions, problems } = validateQuestionDir(dir, builtinQuestionsDir());
    expect(questions.map((q) => q.id).sort()).toEqual(['good-1', 'good-2']);
    expect(problems).toContainEqual({
      path: join(dir, 'b-secret.md'),
      line: 0,
      field: '',
      message: 'cannot read (EACCES)',
    });
    expect(problems).toContainEqual({
      path: join(dir, 'b-closed'),
      line: 0,
      field: '',
      message: 'skipped: cannot read the directory (EACCES)',
    });
    chmodSync(join(dir, 'b-closed'), 0o700);
  });
});
