// Every resource of one Samverkansboten environment, in one resource group. The bot's identity is a
// user-assigned managed identity: it signs the bot in to the Bot Framework (MicrosoftAppType=UserAssignedMSI,
// no client secret), reaches Cosmos DB through Entra ID (keys are disabled) and reads its two secrets
// from Key Vault. test/infra.test.ts keeps the app settings and containers here in step with the code.

param environmentName string
param location string
param tags object
param allowedTenantIds array
param adminObjectIds array
@secure()
param pseudonymSecret string
@secure()
param evaluationSecret string
param alertEmail string
param appServiceSku string
param instanceCount int

var suffix = uniqueString(subscription().id, resourceGroup().id, environmentName)
var databaseName = 'samverkansboten'
// Teams accepts 50 proactive messages per second per app and tenant; keep a margin and share it.
var tenantSendsPerInstance = 40 / instanceCount

// The containers of data/containers.ts, each with its partition key.
var containers = [
  { name: 'botState', partitionKey: '/id' }
  { name: 'conversations', partitionKey: '/tenantId' }
  { name: 'knowledge', partitionKey: '/id' }
  { name: 'feedback', partitionKey: '/kind' }
  { name: 'vus', partitionKey: '/groupId' }
  { name: 'jobs', partitionKey: '/jobId' }
  { name: 'evaluations', partitionKey: '/year' }
  { name: 'admin', partitionKey: '/kind' }
  { name: 'cases', partitionKey: '/groupId' }
  { name: 'escalations', partitionKey: '/kind' }
  { name: 'askCounts', partitionKey: '/month' }
]

// ---------------------------------------------------------------------------------------------------
// Identity

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-samverkansboten-${environmentName}'
  location: location
  tags: tags
}

// ---------------------------------------------------------------------------------------------------
// Logs and telemetry

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-samverkansboten-${environmentName}'
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 90
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-samverkansboten-${environmentName}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'Node.JS'
    WorkspaceResourceId: logs.id
    RetentionInDays: 90
    // Only Entra ID-authenticated telemetry is accepted: the connection string alone cannot write.
    DisableLocalAuth: true
  }
}

// Monitoring Metrics Publisher: the bot's identity sends telemetry (all kinds, despite the name).
resource telemetryPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, identity.id, '3913510d-42f4-4e42-8a64-420c390055eb')
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      '3913510d-42f4-4e42-8a64-420c390055eb'
    )
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---------------------------------------------------------------------------------------------------
// Secrets: the two keys the bot still needs, read by App Service through Key Vault references.

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-svb-${take(suffix, 12)}'
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource pseudonymSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'pseudonym-secret'
  properties: { value: pseudonymSecret }
}

resource evaluationSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'evaluation-secret'
  properties: { value: evaluationSecret }
}

// Key Vault Secrets User: read secret values, nothing else.
resource vaultReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, '4633458b-17de-408a-b874-0445c86b69e6')
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      '4633458b-17de-408a-b874-0445c86b69e6'
    )
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---------------------------------------------------------------------------------------------------
// Cosmos DB: serverless, Entra ID only, continuous backup for point-in-time restore.

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: 'cosmos-svb-${take(suffix, 12)}'
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [{ locationName: location, failoverPriority: 0, isZoneRedundant: false }]
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    capabilities: [{ name: 'EnableServerless' }]
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    backupPolicy: {
      type: 'Continuous'
      continuousModeProperties: { tier: 'Continuous30Days' }
    }
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: cosmos
  name: databaseName
  properties: {
    resource: { id: databaseName }
  }
}

resource cosmosContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [
  for c in containers: {
    parent: database
    name: c.name
    properties: {
      resource: {
        id: c.name
        partitionKey: { paths: [c.partitionKey], kind: 'Hash' }
      }
    }
  }
]

// Cosmos DB Built-in Data Contributor (data plane): read and write items; it cannot create containers,
// which is why they are declared above and the bot only checks that they exist.
resource cosmosDataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: cosmos
  name: guid(cosmos.id, identity.id, '00000000-0000-0000-0000-000000000002')
  properties: {
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/00000000-0000-0000-0000-000000000002'
    principalId: identity.properties.principalId
    scope: cosmos.id
  }
}

// ---------------------------------------------------------------------------------------------------
// App Service: Linux, Node 24 LTS, Always On (the reminder scheduler runs in the process), health check.

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'asp-samverkansboten-${environmentName}'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: appServiceSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: 'app-samverkansboten-${environmentName}-${take(suffix, 6)}'
  location: location
  tags: union(tags, { 'azd-service-name': 'bot' })
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts'
      // Built once before deployment (npm run build); instances only start it.
      appCommandLine: 'node dist/bot/main.js'
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        // Not set here (defaults fit, or App Service provides them; each is described in .env.example):
        // settings-left-to-defaults: PORT, HOST, MicrosoftAppPassword, COSMOS_KEY, ALLOW_IN_MEMORY_STORE,
        //   KB_POLL_SECONDS, MEETINGS_REMINDER_OFFSETS, MEETINGS_REPRESENTATION_CHECK_TIME,
        //   MEETINGS_SCHEDULER_ENABLED, MEETINGS_SCHEDULER_INTERVAL_SECONDS, MEETINGS_LEASE_SECONDS,
        //   MEETINGS_CONVERSATION_SENDS_PER_SECOND, MEETINGS_SEND_CONCURRENCY, MEETINGS_SEND_MAX_ATTEMPTS,
        //   MEETINGS_MAX_RETRY_AFTER_SECONDS, EVALUATION_DELAY_MINUTES, EVALUATION_OPEN_DAYS,
        //   REPORT_LINK_MINUTES, CHART_LINK_DAYS, WEBSITE_INSTANCE_ID, FEEDBACK_RETENTION_DAYS,
        //   CONVERSATIONS_RETENTION_DAYS, BOT_STATE_RETENTION_DAYS, JOIN_REQUESTS_RETENTION_DAYS,
        //   RSVPS_RETENTION_DAYS, MEETINGS_RETENTION_DAYS, JOBS_RETENTION_DAYS, EVALUATIONS_RETENTION_DAYS,
        //   CASES_RETENTION_DAYS, IMPORTS_RETENTION_DAYS, ADMIN_AUDIT_RETENTION_DAYS, ESCALATIONS_RETENTION_DAYS,
        //   ASK_COUNTS_RETENTION_DAYS, ESCALATION_REMINDER_WORKING_DAYS
        // (PORT and WEBSITE_INSTANCE_ID come from App Service; MicrosoftAppPassword and COSMOS_KEY stay
        // empty on purpose: the managed identity replaces both.)
        { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
        { name: 'MicrosoftAppId', value: identity.properties.clientId }
        { name: 'MicrosoftAppTenantId', value: identity.properties.tenantId }
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'COSMOS_ENDPOINT', value: cosmos.properties.documentEndpoint }
        { name: 'COSMOS_DATABASE', value: databaseName }
        { name: 'ALLOWED_TENANT_IDS', value: join(allowedTenantIds, ',') }
        { name: 'ADMIN_AAD_OBJECT_IDS', value: join(adminObjectIds, ',') }
        { name: 'PSEUDONYM_SECRET', value: '@Microsoft.KeyVault(SecretUri=${pseudonymSecretValue.properties.secretUri})' }
        { name: 'EVALUATION_SECRET', value: '@Microsoft.KeyVault(SecretUri=${evaluationSecretValue.properties.secretUri})' }
        { name: 'PUBLIC_BASE_URL', value: 'https://app-samverkansboten-${environmentName}-${take(suffix, 6)}.azurewebsites.net' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
        { name: 'LOG_LEVEL', value: 'info' }
        { name: 'MEETINGS_TENANT_SENDS_PER_SECOND', value: string(tenantSendsPerInstance) }
        // The package is built before deployment; App Service only unpacks it.
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
      ]
    }
  }
  dependsOn: [
    vaultReader
    telemetryPublisher
    cosmosDataContributor
    cosmosContainers
  ]
}

resource siteLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: logs.id
    logs: [
      { category: 'AppServiceConsoleLogs', enabled: true }
      { category: 'AppServiceHTTPLogs', enabled: true }
      { category: 'AppServicePlatformLogs', enabled: true }
    ]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

// ---------------------------------------------------------------------------------------------------
// Azure Bot: the managed identity is the bot's Microsoft App ID; Teams is its only channel.

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: 'bot-samverkansboten-${environmentName}-${take(suffix, 6)}'
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: { name: 'F0' }
  properties: {
    displayName: 'Samverkansboten'
    endpoint: 'https://${site.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppTenantId: identity.properties.tenantId
    msaAppMSIResourceId: identity.id
    disableLocalAuth: true
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      deploymentEnvironment: 'CommercialDeployment'
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Alerts: failed reminder deliveries, server errors, failing health checks.

resource alerts 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-samverkansboten-${environmentName}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'samverkan'
    enabled: true
    emailReceivers: [{ name: 'operator', emailAddress: alertEmail, useCommonAlertSchema: true }]
  }
}

resource serverErrors 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'alert-5xx-${environmentName}'
  location: 'global'
  tags: tags
  properties: {
    description: 'The bot answered with 5xx (server errors) more than 5 times in 15 minutes.'
    severity: 2
    enabled: true
    scopes: [site.id]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'http5xx'
          metricName: 'Http5xx'
          operator: 'GreaterThan'
          threshold: 5
          timeAggregation: 'Total'
        }
      ]
    }
    actions: [{ actionGroupId: alerts.id }]
  }
}

resource healthCheck 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'alert-health-${environmentName}'
  location: 'global'
  tags: tags
  properties: {
    description: 'An instance fails /healthz (Cosmos DB unreachable or the process down).'
    severity: 1
    enabled: true
    scopes: [site.id]
    evaluationFrequency: 'PT1M'
    windowSize: 'PT5M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'healthcheck'
          metricName: 'HealthCheckStatus'
          operator: 'LessThan'
          threshold: 100
          timeAggregation: 'Average'
        }
      ]
    }
    actions: [{ actionGroupId: alerts.id }]
  }
}

// The bot's own metrics (core/telemetry.ts) land in customMetrics with their attributes in customDimensions.
resource failedDeliveries 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = {
  name: 'alert-failed-deliveries-${environmentName}'
  location: location
  tags: tags
  properties: {
    description: 'Proactive messages (reminders, evaluations, notices) failed after retries in the last hour.'
    severity: 2
    enabled: true
    scopes: [appInsights.id]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT1H'
    criteria: {
      allOf: [
        {
          query: 'customMetrics | where name == "samverkansboten.deliveries" and tostring(customDimensions["delivery.status"]) == "failed" | summarize failed = sum(valueSum)'
          timeAggregation: 'Total'
          metricMeasureColumn: 'failed'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
        }
      ]
    }
    actions: { actionGroups: [alerts.id] }
  }
}

resource failedJobs 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = {
  name: 'alert-failed-jobs-${environmentName}'
  location: location
  tags: tags
  properties: {
    description: 'Scheduled jobs (reminders, evaluations, checks) failed 3 times or more in the last hour; each is retried, so this means something keeps failing.'
    severity: 2
    enabled: true
    scopes: [appInsights.id]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT1H'
    criteria: {
      allOf: [
        {
          query: 'customMetrics | where name == "samverkansboten.jobs.runs" and tostring(customDimensions["job.result"]) == "failed" | summarize failed = sum(valueSum)'
          timeAggregation: 'Total'
          metricMeasureColumn: 'failed'
          operator: 'GreaterThanOrEqual'
          threshold: 3
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
        }
      ]
    }
    actions: { actionGroups: [alerts.id] }
  }
}

resource storeErrors 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = {
  name: 'alert-store-errors-${environmentName}'
  location: location
  tags: tags
  properties: {
    description: 'Cosmos DB calls failed unexpectedly (throttling 429, 5xx, refused token 401/403) 10 times or more in 15 minutes.'
    severity: 2
    enabled: true
    scopes: [appInsights.id]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: 'customMetrics | where name == "samverkansboten.store.errors" | summarize errors = sum(valueSum)'
          timeAggregation: 'Total'
          metricMeasureColumn: 'errors'
          operator: 'GreaterThanOrEqual'
          threshold: 10
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
        }
      ]
    }
    actions: { actionGroups: [alerts.id] }
  }
}

output botClientId string = identity.properties.clientId
output messagingEndpoint string = 'https://${site.properties.defaultHostName}/api/messages'
output publicBaseUrl string = 'https://${site.properties.defaultHostName}'
output cosmosEndpoint string = cosmos.properties.documentEndpoint
