import { http } from './http'

export namespace MetaApi {
  export interface Meta {
    demo: boolean
    version: string
  }
}

export const getMeta = () => http.get<MetaApi.Meta>('/meta', { silent: true, noAuthRedirect: true })
