// The notes under a field. Polite live region: the note changes as the user types, and a screen
// reader should hear the result ("Recognised: … P-256") without being interrupted on every key.
import type { Note } from './preflight';

const ICONS = { hint: '', ok: '✓', warn: '⚠', busy: '…' } as const;

export function FieldNotes({ id, notes }: { id: string; notes: readonly Note[] }) {
  return (
    <div id={id} className="field-notes" aria-live="polite">
      {notes.map((note) => (
        <p key={note.text} className={`note note-${note.tone}`} data-testid={`note-${note.tone}`}>
          {ICONS[note.tone] && (
            <span className="note-icon" aria-hidden="true">
              {ICONS[note.tone]}
            </span>
          )}
          {note.text}
        </p>
      ))}
    </div>
  );
}
