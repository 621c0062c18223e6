import type { NotifiedDevices } from '../../app/ports/notified-devices.js';
import type { PushTarget } from '../../app/ports/push-channel.js';

/** Per action, the phones its alert went to; in this process's memory only, dropped when the action ends. */
export function createInMemoryNotifiedDevices(): NotifiedDevices {
  const byAction = new Map<string, Map<string, PushTarget>>();
  const add = (actionId: string, target: PushTarget): boolean => {
    let devices = byAction.get(actionId);
    if (devices === undefined) byAction.set(actionId, (devices = new Map<string, PushTarget>()));
    if (devices.has(target.subscriptionId)) return false;
    devices.set(target.subscriptionId, target);
    return true;
  };
  return {
    async add(actionId, target) {
      return add(actionId, target);
    },
    async addNew(actionId, targets) {
      return targets.filter((target) => add(actionId, target));
    },
    async remove(actionId, subscriptionId) {
      byAction.get(actionId)?.delete(subscriptionId);
    },
    async has(actionId, subscriptionId) {
      return byAction.get(actionId)?.has(subscriptionId) ?? false;
    },
    async of(actionId) {
      return [...(byAction.get(actionId)?.values() ?? [])];
    },
    async forgetAction(actionId) {
      byAction.delete(actionId);
    },
    async forgetDevice(subscriptionId) {
      for (const devices of byAction.values()) devices.delete(subscriptionId);
    },
  };
}
