import { useContext, useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Scenario } from '../../engine/index.ts';
import { StoreContext, useApp } from '../store/context.ts';
import type { AppState } from '../store/index.ts';
import { checkEdit, choicesAt, describeField, draftValue, getIn, setIn, valueText, type FieldKind, type FieldPath } from './fieldModel.ts';

const selectScenario = (s: AppState) => s.scenario;

export interface FieldProps {
  readonly path: FieldPath;
  readonly label: string;
  readonly kind?: FieldKind;
  /** Empty clears the field, so the schema's default (or nothing) applies. */
  readonly optional?: boolean;
  /** Choices for a choice field, with labels; by default the schema's enum values. */
  readonly choices?: readonly { readonly value: string; readonly label: string }[];
  readonly unit?: string;
  readonly testId?: string;
  /** The candidate scenario for a value, when it is more than the value set at `path` (a rename). */
  readonly build?: (scenario: Scenario, value: unknown) => unknown;
  /** A check before the schema's, for what it reports elsewhere (an id already taken). */
  readonly precheck?: (value: unknown) => string | undefined;
  /** Applies a valid value, when it is more than replacing the scenario (a rename keeps the selection). */
  readonly commit?: (value: unknown) => void;
  /** The same field of other selected nodes: edited together; shown empty ("mixed") when they differ. */
  readonly alsoPaths?: readonly FieldPath[];
}

/**
 * One scenario field. A draft is checked by the schema as it is typed, and applied (one undo step) on Enter or
 * when the field is left; an invalid draft stays in the field with the schema's message beside it and is not
 * applied. Escape puts the current value back.
 */
export function Field({ path, label, kind = 'number', optional = false, choices, unit, testId, build, precheck, commit, alsoPaths = [] }: FieldProps) {
  const store = useContext(StoreContext);
  const scenario = useApp(selectScenario);
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const first = getIn(scenario, path);
  const mixed = alsoPaths.some((other) => getIn(scenario, other) !== first);
  const current = mixed ? undefined : first;
  const hint = describeField(path);
  const buildAll = build ?? (alsoPaths.length > 0 ? (s: Scenario, value: unknown) => [path, ...alsoPaths].reduce((acc, p) => setIn(acc, p, value), s) : undefined);

  const check = (text: string | boolean) => {
    const value = draftValue(kind, text, optional);
    if (!value.ok) return value;
    const early = value.value === current ? undefined : precheck?.(value.value);
    if (early) return { ok: false as const, message: early };
    return { ...checkEdit(scenario, path, value.value, buildAll), value: value.value };
  };

  const apply = (text: string | boolean) => {
    const result = check(text);
    if (!result.ok) {
      setMessage(result.message);
      return;
    }
    setMessage(null);
    setDraft(null);
    if (result.value === current) return;
    if (commit) commit(result.value);
    else store?.getState().scenarioEdited(result.candidate);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && draft !== null) {
      event.preventDefault();
      apply(draft);
    } else if (event.key === 'Escape' && draft !== null) {
      event.preventDefault();
      event.stopPropagation();
      setDraft(null);
      setMessage(null);
    }
  };

  const errorId = `${id}-error`;
  const invalid = message !== null;
  const common = {
    id,
    'aria-invalid': invalid ? true : undefined,
    'aria-describedby': invalid ? errorId : undefined,
    title: hint,
    'data-testid': testId,
  } as const;

  let control: ReactNode;
  if (kind === 'boolean') {
    control = <input {...common} type="checkbox" checked={Boolean(current)} onChange={(e) => apply(e.target.checked)} />;
  } else if (kind === 'choice') {
    const options = choices ?? choicesAt(path).map((value) => ({ value, label: value }));
    control = (
      <select {...common} value={draft ?? valueText(current)} onChange={(e) => apply(e.target.value)}>
        {optional && <option value="">(default)</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else {
    control = (
      <input
        {...common}
        type="text"
        inputMode={kind === 'number' ? 'decimal' : undefined}
        value={draft ?? valueText(current)}
        placeholder={mixed ? '(mixed)' : optional ? '(default)' : undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          const result = check(e.target.value);
          setMessage(result.ok ? null : result.message);
        }}
        onBlur={() => draft !== null && apply(draft)}
        onKeyDown={onKeyDown}
      />
    );
  }

  return (
    <div className="inspector__field">
      <label htmlFor={id}>
        {label}
        {unit ? <span className="inspector__unit"> ({unit})</span> : null}
      </label>
      {control}
      {invalid && (
        <p id={errorId} className="inspector__error" role="status">
          {label} {message}
        </p>
      )}
    </div>
  );
}
