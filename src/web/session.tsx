import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import type { Session } from '../contract/auth.ts';
import type { User } from '../contract/users.ts';
import { ApiError, onUnauthenticated, setCsrfToken } from './api.ts';
import { authApi } from './clients/auth.ts';

interface SessionState {
  /** undefined while the first /api/auth/me is under way; null when signed out. */
  user: User | null | undefined;
  /** The session may only enrol a second factor (the policy requires one of this account). */
  mustEnrolSecondFactor: boolean;
  signIn(session: Session): void;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [mustEnrolSecondFactor, setMustEnrol] = useState(false);

  useEffect(() => {
    let cancelled = false;
    authApi
      .me()
      .then((session) => {
        if (cancelled) return;
        setCsrfToken(session.csrfToken);
        setMustEnrol(session.mustEnrolSecondFactor);
        setUser(session.user);
      })
      .catch((error: ApiError) => {
        if (!cancelled) setUser(error.status === 401 ? null : null);
      });
    const stop = onUnauthenticated(() => {
      setCsrfToken(null);
      setUser(null);
    });
    return () => {
      cancelled = true;
      stop();
    };
  }, []);

  const signIn = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setMustEnrol(session.mustEnrolSecondFactor);
    setUser(session.user);
  }, []);

  const signOut = useCallback(async () => {
    try {
      const ended = await authApi.logout();
      if (ended?.redirectTo) window.location.assign(ended.redirectTo);
    } finally {
      setCsrfToken(null);
      setUser(null);
    }
  }, []);

  return (
    <SessionContext.Provider value={{ user, mustEnrolSecondFactor, signIn, signOut }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}
