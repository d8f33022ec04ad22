// Samverkansboten on Azure: one resource group with everything the bot needs (see resources.bicep).
// Deploy with `azd up` (azure.yaml) or `az deployment sub create -l swedencentral -f infra/main.bicep`.
targetScope = 'subscription'

@minLength(1)
@maxLength(20)
@description('Name of the environment (e.g. prod, test); names the resource group and every resource in it.')
param environmentName string

@description('Azure region for every resource; Sweden Central keeps the data in Sweden.')
param location string = 'swedencentral'

@description('Entra tenant ids whose users may use the bot (Region Västmanland and the municipalities).')
param allowedTenantIds array

@description('Entra object ids of the first admins (further admins are named in Teams).')
param adminObjectIds array

@secure()
@minLength(32)
@description('Key for the pseudonyms in feedback (openssl rand -base64 48). Keep the same value on every deployment.')
param pseudonymSecret string

@secure()
@minLength(32)
@description('Key for evaluation answer ids and report links (openssl rand -base64 48). Set once, never change.')
param evaluationSecret string

@description('E-mail address that receives the alerts.')
param alertEmail string

@description('App Service plan SKU; Always On needs Basic (B1) or higher.')
param appServiceSku string = 'B1'

@minValue(1)
@maxValue(10)
@description('App Service instances; the send rate per instance is divided by this.')
param instanceCount int = 1

var resourceGroupName = 'rg-samverkansboten-${environmentName}'
var tags = { 'azd-env-name': environmentName, application: 'samverkansboten' }

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: resourceGroupName
  location: location
  tags: tags
}

module resources 'resources.bicep' = {
  name: 'samverkansboten-resources'
  scope: rg
  params: {
    environmentName: environmentName
    location: location
    tags: tags
    allowedTenantIds: allowedTenantIds
    adminObjectIds: adminObjectIds
    pseudonymSecret: pseudonymSecret
    evaluationSecret: evaluationSecret
    alertEmail: alertEmail
    appServiceSku: appServiceSku
    instanceCount: instanceCount
  }
}

output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = rg.name
output MicrosoftAppId string = resources.outputs.botClientId
output BOT_ENDPOINT string = resources.outputs.messagingEndpoint
output PUBLIC_BASE_URL string = resources.outputs.publicBaseUrl
output COSMOS_ENDPOINT string = resources.outputs.cosmosEndpoint
