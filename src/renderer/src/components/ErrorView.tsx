// One error, the way the spec page explains it: the code, the page's description of that code, and
// the specific message the service gave. Announced to screen readers when it appears (role="alert").
import type { WireError } from '../../../shared/errors';
import { ERROR_DESCRIPTIONS, isErrorCode } from '../../../shared/errors';

interface Props {
  error: WireError;
  /** Which form field the error is about, named in the heading ("PublicKey"). */
  field?: string;
  /** id of the element, so the field can point at it with aria-describedby. */
  id?: string;
}

export function ErrorView({ error, field, id }: Props) {
  const description = isErrorCode(error.__type) ? ERROR_DESCRIPTIONS[error.__type] : 'An error the app does not know.';
  return (
    <div className="error-view" role="alert" id={id} data-testid="error-view">
      <p className="error-code">
        <span className="error-icon" aria-hidden="true">
          !
        </span>
        <code>{error.__type}</code>
        {field && <span className="error-field">on {field}</span>}
      </p>
      <p className="error-description">{description}</p>
      {error.message && <p className="error-message">{error.message}</p>}
    </div>
  );
}
