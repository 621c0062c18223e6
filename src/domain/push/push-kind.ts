/** What an app notification is about; a withdrawn action's closing message is a `withdrawn`. */
export type PushKind = 'alert' | 'update' | 'closing' | 'withdrawn';
