import { isAxiosError } from 'axios';
import { api } from './apiClient.ts';

export interface User {
  name: string;
  email: string;
}

/** The signed-in user, or null when the API says there is none (401). */
export async function fetchCurrentUser(): Promise<User | null> {
  try {
    const response = await api.get<User>('/api/user');
    return response.data;
  } catch (error) {
    if (isAxiosError(error) && error.response?.status === 401) return null;
    throw error;
  }
}
