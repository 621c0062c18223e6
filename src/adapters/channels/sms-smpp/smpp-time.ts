/**
 * SMPP 3.4 absolute time (§7.1.1): YYMMDDhhmmsstnnp, here always in UTC ("00+"),
 * so the SMSC's own time zone does not matter.
 */
export function formatSmppAbsoluteTime(at: Date): string {
  const two = (n: number): string => n.toString().padStart(2, '0');
  return (
    two(at.getUTCFullYear() % 100) +
    two(at.getUTCMonth() + 1) +
    two(at.getUTCDate()) +
    two(at.getUTCHours()) +
    two(at.getUTCMinutes()) +
    two(at.getUTCSeconds()) +
    Math.floor(at.getUTCMilliseconds() / 100).toString() +
    '00+'
  );
}
