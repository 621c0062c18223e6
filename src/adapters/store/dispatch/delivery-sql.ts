import { ACTION_STATUSES, type ActionStatus } from '../../../domain/action/action-status.js';
import type { DeliveryEvent, DeliveryEventKind } from '../../../domain/delivery/delivery-event.js';
import { isFinal, type DeliveryStatus } from '../../../domain/delivery/delivery-status.js';
import { attemptChange, movesFrom, nextDelivery } from '../../../domain/delivery/delivery-transition.js';
import { MESSAGE_KINDS, type MessageKind } from '../../../domain/delivery/message-kind.js';
import { MAX_ATTEMPTS, RETRY_CAUSES, type RetryCause } from '../../../domain/delivery/requeue.js';
import { PARTS_RULES, SUPERSEDED_PART_STATUS, type PartsEvent } from '../../../domain/delivery/sms-parts.js';

// The delivery lifecycle is decided in domain/delivery. The SQL here is generated from its lists and from
// nextDelivery itself, run over every input a statement can meet, so that a set-based statement does to each
// row what the domain would do to it (delivery-sql.test.ts checks this on the database).

type SqlValue = string | boolean;

/** A word of the domain (a status, a kind) as an SQL literal. */
export function sqlLiteral(value: SqlValue): string {
  return typeof value === 'boolean' ? String(value) : `'${value.replaceAll("'", "''")}'`;
}

export function sqlList(values: readonly SqlValue[]): string {
  return `(${values.map(sqlLiteral).join(', ')})`;
}

/** `expression` is one of `values`; a single one as `=`, which the partial indexes on `status = '…'` need. */
export function sqlIn(expression: string, values: readonly SqlValue[]): string {
  const distinct = [...new Set(values)];
  if (distinct.length === 0) return 'false';
  if (distinct.length === 1) {
    const [value] = distinct;
    if (typeof value === 'boolean') return value ? expression : `not (${expression})`;
    return `${expression} = ${sqlLiteral(value!)}`;
  }
  return `${expression} in ${sqlList(distinct)}`;
}

/** A message kind, checked by the compiler, as an SQL literal. */
export function sqlMessageKind(kind: MessageKind): string {
  return sqlLiteral(kind);
}

/** The statuses a statement applying one of these events to each row may touch: those that every one moves from. */
export function statusesMovedBy(...kinds: readonly DeliveryEventKind[]): readonly DeliveryStatus[] {
  return kinds.map(movesFrom).reduce((a, b) => a.filter((s) => b.includes(s)));
}

/** The count of attempts after the event, in SQL over `column`. */
export function sqlAttempts(kind: DeliveryEventKind, column: string): string {
  const change = attemptChange(kind);
  if (change === 0) return column;
  return change > 0 ? `${column} + ${change}` : `greatest(0, ${column} - ${-change})`;
}

/** Where a statement finds what the domain's rule may depend on: columns (SQL expressions), or one value for all rows. */
export interface RowFacts {
  /** The delivery's status. */
  readonly status: string;
  /** The event: the same for every row, or per row in a column holding one of `kinds`. */
  readonly event: DeliveryEventKind | { readonly column: string; readonly kinds: readonly DeliveryEventKind[] };
  readonly attempts?: string;
  readonly actionStatus?: string;
  readonly messageKind?: string;
  readonly cause?: RetryCause | { readonly column: string };
}

interface Input {
  readonly event: DeliveryEventKind;
  readonly status: DeliveryStatus;
  readonly attemptsExhausted: boolean;
  readonly actionStatus: ActionStatus;
  readonly messageKind: MessageKind;
  readonly cause: RetryCause;
}

interface Column {
  readonly sql: string;
  readonly of: (input: Input) => SqlValue;
}

function eventOf(i: Input): DeliveryEvent {
  switch (i.event) {
    case 'send-failed-retryable':
      return { kind: i.event, cause: i.cause, messageKind: i.messageKind, actionStatus: i.actionStatus };
    case 'handed-back':
      return { kind: i.event, messageKind: i.messageKind, actionStatus: i.actionStatus };
    case 'action-ended':
      return { kind: i.event, messageKind: i.messageKind };
    default:
      return { kind: i.event };
  }
}

/** The domain's decision; attempts count as used up from MAX_ATTEMPTS on, as the `attempts` column below says. */
function decide(i: Input): DeliveryStatus {
  return nextDelivery({ status: i.status, attempts: i.attemptsExhausted ? MAX_ATTEMPTS : 0 }, eventOf(i)).status;
}

/** A decision split on the columns in turn; a column that does not matter (there) is not asked. */
type Node =
  | { readonly leaf: SqlValue }
  | { readonly column: string; readonly branches: readonly { readonly values: SqlValue[]; readonly node: Node }[] };

function tree(columns: readonly Column[], inputs: readonly Input[], value: (i: Input) => SqlValue): Node {
  const first = value(inputs[0]!);
  if (inputs.every((i) => value(i) === first)) return { leaf: first };
  const [column, ...rest] = columns;
  if (column === undefined) throw new Error('the delivery rule depends on something the statement does not give');
  const groups = new Map<SqlValue, Input[]>();
  for (const i of inputs) groups.set(column.of(i), [...(groups.get(column.of(i)) ?? []), i]);
  const branches: { values: SqlValue[]; node: Node; key: string }[] = [];
  for (const [v, group] of groups) {
    const node = tree(rest, group, value);
    const key = JSON.stringify(node);
    const same = branches.find((b) => b.key === key);
    if (same === undefined) branches.push({ values: [v], node, key });
    else same.values.push(v);
  }
  if (branches.length === 1) return branches[0]!.node;
  return { column: column.sql, branches: branches.map(({ values, node }) => ({ values, node })) };
}

/** As a CASE; the branch that is itself split (or else the one with most values) is the ELSE, read on in the same CASE. */
function caseOf(node: Node): string {
  if ('leaf' in node) return sqlLiteral(node.leaf);
  const split = node.branches.find((b) => !('leaf' in b.node));
  const otherwise = split ?? node.branches.reduce((a, b) => (b.values.length > a.values.length ? b : a));
  const whens = node.branches
    .filter((b) => b !== otherwise)
    .map((b) => `when ${sqlIn(node.column, b.values)} then ${caseOf(b.node)}`);
  const rest = caseOf(otherwise.node);
  return 'leaf' in otherwise.node
    ? `case ${whens.join(' ')} else ${rest} end`
    : `case ${whens.join(' ')} ${rest.slice('case '.length)}`;
}

/** As a condition: the branches that hold, each with its values. */
function conditionOf(node: Node): string {
  if ('leaf' in node) return String(node.leaf === true);
  const holding = node.branches.filter((b) => !('leaf' in b.node && b.node.leaf === false));
  const split = holding.filter((b) => !('leaf' in b.node));
  // With no branch that fails, the one split branch needs no test of its own: the others hold outright.
  const whole = holding.length === node.branches.length && split.length === 1;
  const parts = holding.map((b) => {
    if ('leaf' in b.node) return sqlIn(node.column, b.values);
    return whole ? conditionOf(b.node) : `(${sqlIn(node.column, b.values)} and ${conditionOf(b.node)})`;
  });
  return parts.length === 1 ? parts[0]! : `(${parts.join(' or ')})`;
}

/** An event applied by one statement, as SQL: which rows it changes and what it sets. */
export interface Transition {
  /** The rows it changes: in a status it moves from, and changed by it. */
  readonly where: string;
  /** The new status of each row. */
  readonly status: string;
  /** Where the new status has this property. */
  is(property: (status: DeliveryStatus) => boolean): string;
  /** `status = …`, and `final_at = at` where the new status is final (`at` null: it never is). */
  set(at: string | null): string;
}

export function transition(facts: RowFacts): Transition {
  const events = typeof facts.event === 'string' ? [facts.event] : facts.event.kinds;
  const statuses = statusesMovedBy(...events);
  const causes =
    facts.cause === undefined ? RETRY_CAUSES : typeof facts.cause === 'string' ? [facts.cause] : RETRY_CAUSES;
  const inputs = events.flatMap((event) =>
    statuses.flatMap((status) =>
      [false, true].flatMap((attemptsExhausted) =>
        ACTION_STATUSES.flatMap((actionStatus) =>
          MESSAGE_KINDS.flatMap((messageKind) =>
            causes.map((cause): Input => ({ event, status, attemptsExhausted, actionStatus, messageKind, cause })),
          ),
        ),
      ),
    ),
  );
  const given = (sql: string | undefined, of: (i: Input) => SqlValue): Column[] =>
    sql === undefined ? [] : [{ sql, of }];
  const columns: Column[] = [
    ...given(typeof facts.event === 'string' ? undefined : facts.event.column, (i) => i.event),
    { sql: facts.status, of: (i) => i.status },
    ...given(
      facts.attempts === undefined ? undefined : `${facts.attempts} >= ${MAX_ATTEMPTS}`,
      (i) => i.attemptsExhausted,
    ),
    ...given(facts.actionStatus, (i) => i.actionStatus),
    ...given(facts.messageKind, (i) => i.messageKind),
    ...given(typeof facts.cause === 'object' ? facts.cause.column : undefined, (i) => i.cause),
  ];
  const changes = conditionOf(tree(columns, inputs, (i) => decide(i) !== i.status));
  // The statement touches only the rows the event changes (`where`), so only their inputs need deciding.
  const changing = inputs.filter((i) => decide(i) !== i.status);
  if (changing.length === 0) throw new Error(`${events.join(', ')} changes no delivery`);
  const is = (property: (status: DeliveryStatus) => boolean) =>
    conditionOf(tree(columns, changing, (i) => property(decide(i))));
  const status = caseOf(tree(columns, changing, decide));
  return {
    where: changes === 'true' ? sqlIn(facts.status, statuses) : `${sqlIn(facts.status, statuses)} and ${changes}`,
    status,
    is,
    set(at) {
      const final = is(isFinal);
      if (final === 'false') return `status = ${status}`;
      if (at === null) throw new Error(`${events.join(', ')} can end a delivery: give final_at`);
      return `status = ${status}, final_at = ${final === 'true' ? at : `case when ${final} then ${at} end`}`;
    },
  };
}

export const PARTS_EVENTS: readonly PartsEvent[] = PARTS_RULES.map((r) => r.event);

/**
 * Over a delivery's sms_parts (as an aggregate): the event their receipts amount to, null while it waits for more.
 * `columns`: the part's status, its number and how many parts the SMS has (an `every` rule needs them all stored).
 */
export function sqlPartsEvent(columns: {
  readonly status: string;
  readonly part: string;
  readonly parts: string;
}): string {
  // Superseded parts (the SMS went whole to another SMSC) count for nothing (domain: partsEvent).
  const live = `${columns.status} <> ${sqlLiteral(SUPERSEDED_PART_STATUS)}`;
  const rules = PARTS_RULES.map((r) => {
    const condition =
      r.when === 'some'
        ? `bool_or(${columns.status} = ${sqlLiteral(r.part)})`
        : `bool_and(${columns.status} = ${sqlLiteral(r.part)}) filter (where ${live})` +
          ` and count(distinct ${columns.part}) filter (where ${live}) >= max(${columns.parts})`;
    return `when ${condition} then ${sqlLiteral(r.event)}`;
  });
  return `case ${rules.join(' ')} end`;
}
