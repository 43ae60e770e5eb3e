// Browser tests for issue 3's machine UI (image workshop, machine actions, inspector diagnosis).
export const tests = []
