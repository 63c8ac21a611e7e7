import { parseConfig } from '../config.js'
import { migrateDatabase, openDatabase } from '../db/client.js'

const config = parseConfig(process.env)
const database = openDatabase(config.databasePath)
migrateDatabase(database)
database.close()
process.stdout.write(`newsdesk: ${config.databasePath} is migrated\n`)
