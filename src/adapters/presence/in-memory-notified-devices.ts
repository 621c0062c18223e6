import type { NotifiedDevices } from '../../app/ports/notified-devices.js';
import type { PushTarget } from '../../app/ports/push-channel.js';

/** Per action, the phones its alert went to; in this process's memory only, dropped when the action ends. */
export function createInMemoryNotifiedDevices(): NotifiedDevices {
  const byAction = new Map<string, Map<string, PushTarget>>();
  return {
    add(actionId, target) {
      let devices = byAction.get(actionId);
      if (devices === undefined) byAction.set(actionId, (devices = new Map<string, PushTarget>()));
      if (devices.has(target.subscriptionId)) return false;
      devices.set(target.subscriptionId, target);
      return true;
    },
    remove(actionId, subscriptionId) {
      byAction.get(actionId)?.delete(subscriptionId);
    },
    has(actionId, subscriptionId) {
      return byAction.get(actionId)?.has(subscriptionId) ?? false;
    },
    of(actionId) {
      return [...(byAction.get(actionId)?.values() ?? [])];
    },
    forgetAction(actionId) {
      byAction.delete(actionId);
    },
    forgetDevice(subscriptionId) {
      for (const devices of byAction.values()) devices.delete(subscriptionId);
    },
  };
}
