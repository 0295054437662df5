// A deployment in AWS's China regions as an operator would describe it: the context that stands in
// for what the aws-cn partition lacks (the names and domains are examples, none is contacted).
export const CHINA = {
  region: 'cn-north-1',
  account: '123456789012',
  oidcIssuer: 'https://id.sc.gov.example.cn/realms/liudong',
  oidcAudience: 'liudong-console',
  oidcClaims: 'role=liudong_role,jurisdiction=org_code',
  smtpHost: 'smtp.sc.gov.example.cn',
  smtpSecret: 'liudong/smtp',
  messagesFrom: 'noreply@liudong.sc.gov.example.cn',
  smsUrl: 'https://sms.example.cn/v1/send',
  smsSecret: 'liudong/sms',
  consoleDomain: 'liudong.sc.gov.example.cn',
  consoleCertificate: 'ASCACKCEVSQ6C2EXAMPLE',
};
