"""detect-secrets 1.5.0: the regular expressions of its detectors, verbatim.

Written by ``python -m postmortem.rules._secrets > linter/postmortem/rules/_secret_patterns.py``;
tests/test_secrets.py fails when the installed detect-secrets has other patterns.
"""

# fmt: off
DETECTORS = {'AWSKeyDetector': [('(?:A3T[A-Z0-9]|ABIA|ACCA|AKIA|ASIA)[0-9A-Z]{16}', 0),
                    ('aws.{0,20}?(?:key|pwd|pw|password|pass|token).{0,20}?[\\\'\\"]([0-9a-zA-Z/+]{40})[\\\'\\"]',
                     2)],
 'ArtifactoryDetector': [('(?:\\s|=|:|"|^)AKC[a-zA-Z0-9]{10,}(?:\\s|"|$)', 0),
                         ('(?:\\s|=|:|"|^)AP[\\dABCDEF][a-zA-Z0-9]{8,}(?:\\s|"|$)', 0)],
 'AzureStorageKeyDetector': [('AccountKey=[a-zA-Z0-9+\\/=]{88}', 0)],
 'BasicAuthDetector': [("://[^:/\\?\\#\\[\\]@!\\$\\&'\\(\\)\\*\\+,;=\\s]+:([^:/\\?\\#\\[\\]@!\\$\\&'\\(\\)\\*\\+,;=\\s]+)@",
                        0)],
 'CloudantDetector': [('(?:(?<=\\W)|(?<=^))(?:\\[|)(?:"|\\\'|)(?:cloudant|cl|clou)(?:_|-|)(?:api|)(?:key|pwd|pw|password|pass|token)(?:"|\\\'|)(?:\\]|)(?: '
                       '*)(?:=|:|:=|=>| +|::)(?: *)(?:"|\\\'|)([0-9a-f]{64})(?:"|\\\'|)',
                       2),
                      ('(?:(?<=\\W)|(?<=^))(?:\\[|)(?:"|\\\'|)(?:cloudant|cl|clou)(?:_|-|)(?:api|)(?:key|pwd|pw|password|pass|token)(?:"|\\\'|)(?:\\]|)(?: '
                       '*)(?:=|:|:=|=>| +|::)(?: *)(?:"|\\\'|)([a-z]{24})(?:"|\\\'|)',
                       2),
                      ('(?:https?\\:\\/\\/)[\\w\\-]+\\:([0-9a-f]{64})\\@[\\w\\-]+\\.cloudant\\.com',
                       2),
                      ('(?:https?\\:\\/\\/)[\\w\\-]+\\:([a-z]{24})\\@[\\w\\-]+\\.cloudant\\.com',
                       2)],
 'DiscordBotTokenDetector': [('[MNO][a-zA-Z\\d_-]{23,25}\\.[a-zA-Z\\d_-]{6}\\.[a-zA-Z\\d_-]{27}',
                              0)],
 'GitHubTokenDetector': [('(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9_]{36}', 0)],
 'GitLabTokenDetector': [('(glpat|gldt|glft|glsoat|glrt)-[A-Za-z0-9_\\-]{20,50}(?!\\w)', 0),
                         ('GR1348941[A-Za-z0-9_\\-]{20,50}(?!\\w)', 0),
                         ('glcbt-([0-9a-fA-F]{2}_)?[A-Za-z0-9_\\-]{20,50}(?!\\w)', 0),
                         ('glimt-[A-Za-z0-9_\\-]{25}(?!\\w)', 0),
                         ('glptt-[A-Za-z0-9_\\-]{40}(?!\\w)', 0),
                         ('glagent-[A-Za-z0-9_\\-]{50,1024}(?!\\w)', 0),
                         ('gloas-[A-Za-z0-9_\\-]{64}(?!\\w)', 0)],
 'IPPublicDetector': [('\n'
                       '        (?<![\\w.])         # Negative lookbehind: Ensures no preceding '
                       'word character or dot\n'
                       '        (                  # Start of the main capturing group\n'
                       '            (?!            # Negative lookahead: Ensures the following '
                       "pattern doesn't match\n"
                       '                192\\.168\\. # Exclude "192.168."\n'
                       '                |127\\.     # Exclude "127."\n'
                       '                |10\\.      # Exclude "10."\n'
                       '                |172\\.(?:1[6-9]|2[0-9]|3[01])   # Exclude "172." with '
                       'specific ranges\n'
                       '            )\n'
                       '            (?:            # Non-capturing group for octets\n'
                       '                           # Match numbers 0-255 followed by dot, properly '
                       'handle leading zeros\n'
                       '                (?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\\.\n'
                       '            ){3}           # Repeat for three octets\n'
                       '                           # Match final octet (0-255), properly handle '
                       'leading zeros\n'
                       '            (?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\n'
                       '            (?:            # Optional non-capturing group for port number\n'
                       '                :\\d{1,5}   # Match colon followed by 1 to 5 digits\n'
                       '            )?\n'
                       '        )                  # End of the main capturing group\n'
                       '        (?![\\w.])          # Negative lookahead: Ensures no following '
                       'word character or dot\n'
                       '    ',
                       66)],
 'IbmCloudIamDetector': [('(?:(?<=\\W)|(?<=^))(?:\\[|)(?:"|\\\'|)(?:ibm(?:_|-|)cloud(?:_|-|)iam|cloud(?:_|-|)iam|ibm(?:_|-|)cloud|ibm(?:_|-|)iam|ibm|iam|cloud|)(?:_|-|)(?:api|)(?:_|-|)(?:key|pwd|password|pass|token)(?:"|\\\'|)(?:\\]|)(?: '
                          '*)(?:=|:|:=|=>| +|::)(?: '
                          '*)(?:"|\\\'|)([a-zA-Z0-9_\\-]{44}(?![a-zA-Z0-9_\\-]))(?:"|\\\'|)',
                          2)],
 'IbmCosHmacDetector': [('(?:(?<=\\W)|(?<=^))(?:\\[|)(?:"|\\\'|)(?:(?:ibm)?[-_]?cos[-_]?(?:hmac)?|)(?:_|-|)(?:secret[-_]?(?:access)?[-_]?key)(?:"|\\\'|)(?:\\]|)(?: '
                         '*)(?:=|:|:=|=>| +|::)(?: '
                         '*)(?:"|\\\'|)([a-f0-9]{48}(?![a-f0-9]))(?:"|\\\'|)',
                         2)],
 'JwtTokenDetector': [('eyJ[A-Za-z0-9-_=]+\\.[A-Za-z0-9-_=]+\\.?[A-Za-z0-9-_.+/=]*?', 0)],
 'MailchimpDetector': [('[0-9a-z]{32}-us[0-9]{1,2}', 0)],
 'NpmDetector': [('\\/\\/.+\\/:_authToken=\\s*((npm_.+)|([A-Fa-f0-9-]{36})).*', 0)],
 'OpenAIDetector': [('sk-[A-Za-z0-9-_]*[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}', 0)],
 'PrivateKeyDetector': [('BEGIN DSA PRIVATE KEY', 0),
                        ('BEGIN EC PRIVATE KEY', 0),
                        ('BEGIN OPENSSH PRIVATE KEY', 0),
                        ('BEGIN PGP PRIVATE KEY BLOCK', 0),
                        ('BEGIN PRIVATE KEY', 0),
                        ('BEGIN RSA PRIVATE KEY', 0),
                        ('BEGIN SSH2 ENCRYPTED PRIVATE KEY', 0),
                        ('PuTTY-User-Key-File-2', 0)],
 'PypiTokenDetector': [('pypi-AgEIcHlwaS5vcmc[A-Za-z0-9-_]{70,}', 0),
                       ('pypi-AgENdGVzdC5weXBpLm9yZw[A-Za-z0-9-_]{70,}', 0)],
 'SendGridDetector': [('SG\\.[a-zA-Z0-9_-]{22}\\.[a-zA-Z0-9_-]{43}', 0)],
 'SlackDetector': [('xox(?:a|b|p|o|s|r)-(?:\\d+-)+[a-z0-9]+', 2),
                   ('https://hooks\\.slack\\.com/services/T[a-zA-Z0-9_]+/B[a-zA-Z0-9_]+/[a-zA-Z0-9_]+',
                    66)],
 'SoftlayerDetector': [('(?:(?<=\\W)|(?<=^))(?:\\[|)(?:"|\\\'|)(?:softlayer|sl)(?:_|-|)(?:api|)(?:_|-|)(?:key|pwd|password|pass|token)(?:"|\\\'|)(?:\\]|)(?: '
                        '*)(?:=|:|:=|=>| +|::)(?: *)(?:"|\\\'|)([a-z0-9]{64})(?:"|\\\'|)',
                        2),
                       ('(?:http|https)://api.softlayer.com/soap/(?:v3|v3.1)/([a-z0-9]{64})', 2)],
 'SquareOAuthDetector': [('sq0csp-[0-9A-Za-z\\\\\\-_]{43}', 0)],
 'StripeDetector': [('(?:r|s)k_live_[0-9a-zA-Z]{24}', 0)],
 'TelegramBotTokenDetector': [('\\d{8,10}:[0-9A-Za-z_-]{35}', 0)],
 'TwilioKeyDetector': [('AC[a-z0-9]{32}', 0), ('SK[a-z0-9]{32}', 0)]}
KINDS = {'AWSKeyDetector': 'AWS Access Key',
 'ArtifactoryDetector': 'Artifactory Credentials',
 'AzureStorageKeyDetector': 'Azure Storage Account access key',
 'BasicAuthDetector': 'Basic Auth Credentials',
 'CloudantDetector': 'Cloudant Credentials',
 'DiscordBotTokenDetector': 'Discord Bot Token',
 'GitHubTokenDetector': 'GitHub Token',
 'GitLabTokenDetector': 'GitLab Token',
 'IPPublicDetector': 'Public IP (ipv4)',
 'IbmCloudIamDetector': 'IBM Cloud IAM Key',
 'IbmCosHmacDetector': 'IBM COS HMAC Credentials',
 'JwtTokenDetector': 'JSON Web Token',
 'MailchimpDetector': 'Mailchimp Access Key',
 'NpmDetector': 'NPM tokens',
 'OpenAIDetector': 'OpenAI Token',
 'PrivateKeyDetector': 'Private Key',
 'PypiTokenDetector': 'PyPI Token',
 'SendGridDetector': 'SendGrid API Key',
 'SlackDetector': 'Slack Token',
 'SoftlayerDetector': 'SoftLayer Credentials',
 'SquareOAuthDetector': 'Square OAuth Secret',
 'StripeDetector': 'Stripe Access Key',
 'TelegramBotTokenDetector': 'Telegram Bot Token',
 'TwilioKeyDetector': 'Twilio API Key'}
KEYWORD_ANY = ('(api_?key|auth_?key|service_?key|account_?key|db_?key|database_?key|priv_?key|private_?key|client_?key|db_?pass|database_?pass|key_?pass|password|passwd|pwd|secret|contraseña|contrasena)\\w*',
 2)
KEYWORD_QUOTED = [('(api_?key|auth_?key|service_?key|account_?key|db_?key|database_?key|priv_?key|private_?key|client_?key|db_?pass|database_?pass|key_?pass|password|passwd|pwd|secret|contraseña|contrasena)\\w*([]\\\'"]{0,2})?:(\\s*)([\\\'"`])((?=[^\\v\\\'\\"]*)(?=\\w+)[^\\v\\\'\\"]*[^\\v,\\\'\\"`])(\\4)',
  2,
  5),
 ('([\\\'"`])((?=[^\\v\\\'\\"]*)(?=\\w+)[^\\v\\\'\\"]*[^\\v,\\\'\\"`])(\\1)\\s*[!=]{2,3}\\s*\\w*(api_?key|auth_?key|service_?key|account_?key|db_?key|database_?key|priv_?key|private_?key|client_?key|db_?pass|database_?pass|key_?pass|password|passwd|pwd|secret|contraseña|contrasena)\\w*',
  0,
  2),
 ('(api_?key|auth_?key|service_?key|account_?key|db_?key|database_?key|priv_?key|private_?key|client_?key|db_?pass|database_?pass|key_?pass|password|passwd|pwd|secret|contraseña|contrasena)\\w*([]\\\'"]{0,2})?\\s*(={1,3}|!==?)\\s*([\\\'"`])((?=[^\\v\\\'\\"]*)(?=\\w+)[^\\v\\\'\\"]*[^\\v,\\\'\\"`])(\\4)',
  2,
  5),
 ('(api_?key|auth_?key|service_?key|account_?key|db_?key|database_?key|priv_?key|private_?key|client_?key|db_?pass|database_?pass|key_?pass|password|passwd|pwd|secret|contraseña|contrasena)\\w*[^\\s]{0,50}?\\s*([\\\'"`])((?=[^\\v\\\'\\"]*)(?=\\w+)[^\\v\\\'\\"]*[^\\v,\\\'\\"`])(\\2);',
  2,
  3),
 ('(api_?key|auth_?key|service_?key|account_?key|db_?key|database_?key|priv_?key|private_?key|client_?key|db_?pass|database_?pass|key_?pass|password|passwd|pwd|secret|contraseña|contrasena)\\w*([]\\\'"]{0,2})?\\s*=>?\\s*([\\\'"`])((?=[^\\v\\\'\\"]*)(?=\\w+)[^\\v\\\'\\"]*[^\\v,\\\'\\"`])(\\3)',
  2,
  4)]
KEYWORD_UNQUOTED = ('(api_?key|auth_?key|service_?key|account_?key|db_?key|database_?key|priv_?key|private_?key|client_?key|db_?pass|database_?pass|key_?pass|password|passwd|pwd|secret|contraseña|contrasena)\\w*([]\\\'"]{0,2})?\\s*(={1,3}|!==?)\\s*([\\\'"`]?)((?=[^\\v\\\'\\"]*)(?=\\w+)[^\\v\\\'\\"]*[^\\v,\\\'\\"`])(\\4)',
 2,
 5)
KEYWORD_COLON = ('(api_?key|auth_?key|service_?key|account_?key|db_?key|database_?key|priv_?key|private_?key|client_?key|db_?pass|database_?pass|key_?pass|password|passwd|pwd|secret|contraseña|contrasena)\\w*([]\\\'"]{0,2})?:\\s*([\\\'"`]?)((?=[^\\v\\\'\\"]*)(?=\\w+)[^\\v\\\'\\"]*[^\\v,\\\'\\"`])(\\3)',
 2,
 4)
