/** The parts of the untyped `smpp` package (0.5.x, farhadi/node-smpp) that this adapter uses. */
declare module 'smpp' {
  import type { EventEmitter } from 'node:events';
  import type { Server as NetServer, Socket } from 'node:net';

  namespace smpp {
    /** short_message as the library decodes it: text per data_coding, UDH split into its elements. */
    interface DecodedShortMessage {
      readonly message: string | Buffer;
      readonly udh?: readonly Buffer[];
    }

    /** Fields we set on a PDU; a Buffer short_message bypasses the library's own encoding. */
    interface PduOptions {
      sequence_number?: number;
      command_status?: number;
      system_id?: string;
      password?: string;
      system_type?: string;
      interface_version?: number;
      addr_ton?: number;
      addr_npi?: number;
      address_range?: string;
      service_type?: string;
      source_addr_ton?: number;
      source_addr_npi?: number;
      source_addr?: string;
      dest_addr_ton?: number;
      dest_addr_npi?: number;
      destination_addr?: string;
      esm_class?: number;
      protocol_id?: number;
      priority_flag?: number;
      validity_period?: string;
      registered_delivery?: number;
      data_coding?: number;
      short_message?: Buffer;
      message_id?: string;
      receipted_message_id?: string;
      message_state?: number;
    }

    class PDU {
      constructor(command: string, options?: PduOptions);
      /** Parses one complete PDU. */
      constructor(buffer: Buffer);
      readonly command: string;
      readonly command_id: number;
      command_status: number;
      sequence_number: number;
      readonly system_id?: string;
      readonly password?: string;
      readonly source_addr_ton?: number;
      readonly source_addr_npi?: number;
      readonly source_addr?: string;
      readonly dest_addr_ton?: number;
      readonly dest_addr_npi?: number;
      readonly destination_addr?: string;
      readonly esm_class?: number;
      readonly priority_flag?: number;
      readonly registered_delivery?: number;
      readonly data_coding?: number;
      /** Decoded to a Date unless relative. */
      readonly validity_period?: Date | string;
      readonly short_message?: DecodedShortMessage;
      readonly message_payload?: DecodedShortMessage;
      readonly message_id?: string;
      readonly receipted_message_id?: string;
      readonly message_state?: number;
      isResponse(): boolean;
      response(options?: PduOptions): PDU;
      toBuffer(): Buffer;
    }

    class Session extends EventEmitter {
      readonly socket: Socket;
      /** False (and nothing sent) when the socket is not writable. */
      send(pdu: PDU, responseCallback?: (response: PDU) => void, sendCallback?: (sent: PDU) => void): boolean;
      close(callback?: () => void): void;
      destroy(callback?: () => void): void;
      on(event: 'connect' | 'close', listener: () => void): this;
      on(event: 'error', listener: (error: Error) => void): this;
      on(event: 'pdu', listener: (pdu: PDU) => void): this;
    }

    interface Server extends NetServer {
      readonly sessions: Session[];
      on(event: 'session', listener: (session: Session) => void): this;
      on(event: 'error', listener: (error: Error) => void): this;
    }

    interface ConnectOptions {
      readonly host: string;
      readonly port: number;
    }

    function connect(options: ConnectOptions, listener?: () => void): Session;
    function createServer(options: Record<string, never>, listener?: (session: Session) => void): Server;

    /** Command status names (ESME_RTHROTTLED…) to codes. */
    const errors: Readonly<Record<string, number>>;
  }

  export = smpp;
}
