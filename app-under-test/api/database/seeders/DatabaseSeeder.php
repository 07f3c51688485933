<?php

namespace Database\Seeders;

use App\Models\User;
use Illuminate\Database\Seeder;

class DatabaseSeeder extends Seeder
{
    /**
     * One known user, the one the kit signs in with. Override with
     * TEST_USER_EMAIL / TEST_USER_PASSWORD when provisioning.
     */
    public function run(): void
    {
        User::factory()->create([
            'name' => 'Test User',
            'email' => env('TEST_USER_EMAIL', 'test@example.com'),
            'password' => env('TEST_USER_PASSWORD', 'password'),
        ]);
    }
}
