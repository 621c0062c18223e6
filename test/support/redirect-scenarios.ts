// SIPp scenarios of a telephony platform asking the 0800-0011 redirect server where a call goes.

/** XML attribute text. */
const xmlAttribute = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** A POSIX extended regular expression matching exactly this text. */
const regexpLiteral = (text: string): string => text.replace(/[.[\]()*+?{}|^$\\]/g, '\\$&');

export interface CallerIdentity {
  /** The From user part ("0612345678", "anonymous"). */
  readonly from: string;
  /** A P-Asserted-Identity URI, when the platform sets one. */
  readonly assertedIdentity?: string;
}

const invite = (caller: CallerIdentity, cseq: number, extraHeaders: readonly string[] = [], timed = false) => `
  <send retrans="500"${timed ? ' start_rtd="1"' : ''}>
    <![CDATA[

      INVITE sip:08000011@[remote_ip]:[remote_port] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: "Beller" <sip:${caller.from}@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
      To: <sip:08000011@[remote_ip]:[remote_port]>
      Call-ID: [call_id]
      CSeq: ${cseq} INVITE
      Contact: <sip:platform@[local_ip]:[local_port];transport=[transport]>
${caller.assertedIdentity === undefined ? '' : `      P-Asserted-Identity: <${caller.assertedIdentity}>\n`}${extraHeaders.map((h) => `      ${h}\n`).join('')}      Max-Forwards: 70
      Content-Type: application/sdp
      Content-Length: [len]

      v=0
      o=platform 53655765 2353687637 IN IP[local_ip_type] [local_ip]
      s=-
      c=IN IP[media_ip_type] [media_ip]
      t=0 0
      m=audio [media_port] RTP/AVP 8 0
      a=rtpmap:8 PCMA/8000
      a=rtpmap:0 PCMU/8000

    ]]>
  </send>`;

/**
 * The ACK for a non-2xx final response: same branch as the INVITE `back` scenario messages earlier (§17.1.1.3;
 * an optional 100 counts).
 */
const ack = (caller: CallerIdentity, cseq: number, back: number) => `
  <send>
    <![CDATA[

      ACK sip:08000011@[remote_ip]:[remote_port] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch-${back}]
      From: "Beller" <sip:${caller.from}@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
      To: <sip:08000011@[remote_ip]:[remote_port]>[peer_tag_param]
      Call-ID: [call_id]
      CSeq: ${cseq} ACK
      Max-Forwards: 70
      Content-Length: 0

    ]]>
  </send>`;

/** 302 whose Contact must be exactly `<contact>` (the call fails otherwise: check_it); SIPp hands the value with its leading space. */
const redirected = (contact: string) => `
  <recv response="100" optional="true"/>
  <recv response="302">
    <action>
      <ereg regexp="${xmlAttribute(`^ *<${regexpLiteral(contact)}> *$`)}" search_in="hdr" header="Contact:" check_it="true" assign_to="contact"/>
      <log message="302 Contact [$contact]"/>
    </action>
  </recv>`;

const scenario = (name: string, body: string) => `<?xml version="1.0" encoding="ISO-8859-1" ?>
<!DOCTYPE scenario SYSTEM "sipp.dtd">
<scenario name="${xmlAttribute(name)}">${body}
  <ResponseTimeRepartition value="1, 2, 5, 10, 20, 50, 100"/>
</scenario>
`;

/** One call to 0800-0011: INVITE, 302 with exactly this Contact, ACK. */
export function redirectScenario(caller: CallerIdentity, expectedContact: string): string {
  return scenario('0800-0011 redirect', `${invite(caller, 1)}${redirected(expectedContact)}${ack(caller, 1, 3)}`);
}

/**
 * A malformed INVITE (a line that is no header) must get 400, not silence or a crash; an INVITE that needs
 * an extension we lack gets 420; then a good INVITE of the same caller is still redirected.
 */
export function malformedThenValidScenario(caller: CallerIdentity, expectedContact: string): string {
  const broken = invite(caller, 1).replace(
    '      Max-Forwards: 70\n',
    '      this line is not a header\n      Max-Forwards: 70\n',
  );
  return scenario(
    'malformed INVITE, then a good one',
    `${broken}
  <recv response="400"/>${ack(caller, 1, 2)}${invite(caller, 2, ['Require: 100rel'])}
  <recv response="420"/>${ack(caller, 2, 2)}${invite(caller, 3)}${redirected(expectedContact)}${ack(caller, 3, 3)}`,
  );
}

/**
 * For load: any 302 with a SIP or tel Contact passes. The caller comes from an injection file (-inf, field 0);
 * INVITE to 302 is response time 1 (-trace_rtt).
 */
export function loadScenario(): string {
  const caller = { from: '[field0]' };
  return scenario(
    '0800-0011 redirect load',
    `${invite(caller, 1, [], true)}
  <recv response="100" optional="true"/>
  <recv response="302" rtd="1">
    <action>
      <ereg regexp="^ *&lt;(sips?|tel):" search_in="hdr" header="Contact:" check_it="true" assign_to="contact"/>
      <log message="302 Contact [$contact]"/>
    </action>
  </recv>${ack(caller, 1, 3)}`,
  );
}
