/** The installation key of test apps and test server processes (SECRET_KEY: 32 bytes, base64). */
export const testSecretKey = 'bGFnZXNiaWxkLXRlc3Qtc2VjcmV0LWtleS0wMDAwMDA=';
