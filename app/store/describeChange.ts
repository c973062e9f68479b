import type { Scenario } from '../../engine/index.ts';

/** A short sentence for what changed between two scenarios ("Added region eu-central-1"), for a live announcement. */
export function describeChange(before: Scenario, after: Scenario): string {
  const phrases: string[] = [];
  const diff = (kind: string, a: readonly { id: string }[], b: readonly { id: string }[]) => {
    const was = new Set(a.map((n) => n.id));
    const is = new Set(b.map((n) => n.id));
    const added = b.filter((n) => !was.has(n.id)).map((n) => n.id);
    const removed = a.filter((n) => !is.has(n.id)).map((n) => n.id);
    const list = (ids: string[]) => (ids.length > 3 ? `${ids.slice(0, 3).join(', ')} and ${ids.length - 3} more` : ids.join(', '));
    if (added.length > 0 && removed.length === 1 && added.length === 1) phrases.push(`Renamed ${kind} ${removed[0]} to ${added[0]}`);
    else {
      if (added.length > 0) phrases.push(`Added ${kind} ${list(added)}`);
      if (removed.length > 0) phrases.push(`Deleted ${kind} ${list(removed)}`);
    }
    if (added.length === 0 && removed.length === 0) {
      const moved = b.filter((n, i) => JSON.stringify(n) !== JSON.stringify(a[i])).map((n) => n.id);
      if (moved.length > 0) phrases.push(`Changed ${kind} ${list(moved)}`);
    }
  };
  diff('region', before.regions, after.regions);
  diff('users', before.users, after.users);
  if (phrases.length > 0) return phrases.join('; ');
  const keys = (Object.keys(after) as (keyof Scenario)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return keys.length > 0 ? `Changed ${keys.join(', ')}` : 'No change';
}
