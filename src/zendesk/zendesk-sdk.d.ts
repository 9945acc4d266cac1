declare module 'zendesk_app_framework_sdk' {
  const ZAFClient: { init(callback?: (registration: unknown) => void): unknown }
  export default ZAFClient
}
