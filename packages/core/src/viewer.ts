/** Who is asking, as established by the gateway. Subgraphs never derive it from client headers. */
export type Role = 'USER' | 'ADMIN';
export type Plan = 'FREE' | 'BASIC' | 'PREMIUM' | 'ENTERPRISE';

export interface Viewer {
  userId: string;
  role: Role;
  plan: Plan;
  anonymous: boolean;
  sessionId: string;
}

/** The identity the gateway forwards: a signed-in viewer, a partner key, or neither. */
export interface ForwardedIdentity {
  viewer: Viewer | null;
  partnerKeyId: string | null;
  clientIp: string;
  requestId: string;
}
